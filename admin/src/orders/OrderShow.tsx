import { Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { type RaRecord, Show, TopToolbar, useRecordContext } from 'react-admin';
import { WhenComplete } from '../common/WhenComplete';
import type { AdminOrder } from '../data/types';
import { OrderActionButtons } from './OrderActionButtons';
import { OrderAddress } from './OrderAddress';
import { OrderEmails } from './OrderEmails';
import { OrderLines } from './OrderLines';
import { OrderPayment } from './OrderPayment';
import { OrderRefunds } from './OrderRefunds';
import { OrderShipment } from './OrderShipment';
import { OrderSummary } from './OrderSummary';
import { OrderTimeline } from './OrderTimeline';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** A list row carries no lines: the detail has loaded once they are there. */
const isDetail = (order: RaRecord) => Array.isArray(order.items);

function OrderTitle() {
  const order = useRecordContext<AdminOrder>();
  return <>Order {order?.number ?? ''}</>;
}

export function OrderShow() {
  return (
    <Show
      title={<OrderTitle />}
      actions={
        <TopToolbar>
          <WhenComplete isComplete={isDetail} fallback={null}>
            <OrderActionButtons />
          </WhenComplete>
        </TopToolbar>
      }
    >
      <WhenComplete isComplete={isDetail}>
        <Stack spacing={2} sx={{ p: 2 }}>
          <OrderSummary />
          <Section title="Lines and totals">
            <OrderLines />
          </Section>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <Section title="Payment">
              <OrderPayment />
            </Section>
            <Section title="Shipment">
              <OrderShipment />
            </Section>
            <Section title="Ship to">
              <OrderAddress />
            </Section>
          </Stack>
          <Section title="Refunds">
            <OrderRefunds />
          </Section>
          <Section title="Emails sent">
            <OrderEmails />
          </Section>
          <Section title="Timeline">
            <OrderTimeline />
          </Section>
        </Stack>
      </WhenComplete>
    </Show>
  );
}
