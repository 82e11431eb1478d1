import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { type ReactNode, useState } from 'react';

interface ActionDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  onClose: () => void;
  /** Resolves when done (the dialog closes), rejects to stay open (the caller has notified). */
  onConfirm: () => Promise<void>;
  /** The form is not ready to send. */
  disabled?: boolean;
  danger?: boolean;
  children?: ReactNode;
}

/** A confirmation dialog with an optional form; its button waits for the request, so a double click sends one. */
export function ActionDialog(props: ActionDialogProps) {
  const { open, title, confirmLabel, onClose, onConfirm, disabled, danger, children } = props;
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch {
      // Notified by the caller; the dialog stays open with what was typed.
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="xs">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {children}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Back
        </Button>
        <Button
          variant="contained"
          color={danger ? 'error' : 'primary'}
          onClick={() => void confirm()}
          disabled={busy || disabled}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
