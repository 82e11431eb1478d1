import {
  Datagrid,
  DateField,
  NumberField,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  TextField,
} from 'react-admin';

/** The product's stock movements, newest first (GET /api/admin/stock-movements?filter={"productId":…}). */
export function StockLedger() {
  return (
    <ReferenceManyField
      reference="stock-movements"
      target="productId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={20}
      pagination={<Pagination />}
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="createdAt" showTime />
        <NumberField source="delta" options={{ signDisplay: 'exceptZero' }} />
        <TextField source="reason" />
        <TextField source="reference" emptyText="" />
        <ReferenceField source="actorUserId" reference="users" emptyText="the shop" />
      </Datagrid>
    </ReferenceManyField>
  );
}
