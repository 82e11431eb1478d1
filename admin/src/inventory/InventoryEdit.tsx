import { Stack } from '@mui/material';
import { Edit, Labeled, NumberInput, NumberField, SimpleForm, TextField, TopToolbar } from 'react-admin';
import { AdjustStockButton } from './AdjustStockButton';
import { StockLedger } from './StockLedger';

/** The threshold is the only field; stock itself moves through adjustments, each a ledger row. */
export function InventoryEdit() {
  return (
    <Edit
      mutationMode="pessimistic"
      actions={
        <TopToolbar>
          <AdjustStockButton />
        </TopToolbar>
      }
    >
      <SimpleForm>
        <Labeled label="Product">
          <TextField source="productTitle" />
        </Labeled>
        <Stack direction="row" spacing={4}>
          <Labeled>
            <NumberField source="onHand" />
          </Labeled>
          <Labeled>
            <NumberField source="reserved" />
          </Labeled>
          <Labeled>
            <NumberField source="available" />
          </Labeled>
        </Stack>
        <NumberInput source="lowStockThreshold" min={0} step={1} />
        <Labeled label="Ledger" fullWidth>
          <StockLedger />
        </Labeled>
      </SimpleForm>
    </Edit>
  );
}
