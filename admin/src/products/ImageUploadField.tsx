import { Box, FormLabel, LinearProgress, Stack, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useMarketDataProvider } from '../common/useMarketDataProvider';
import type { ProductImage } from '../data/types';
import { IMAGE_CONTENT_TYPES, imageFileProblem, uploadProductImage } from './imageUpload';

export type Announce = (text: string, tone?: 'info' | 'error') => void;

interface ImageUploadFieldProps {
  productId: number;
  onUploaded: (image: ProductImage) => void;
  /** Says how it went in the page's live region. */
  announce: Announce;
  /** The PUT to storage; the browser's fetch unless a test gives another. */
  fetchFile?: typeof fetch;
}

/** Picks a file, checks it against the API's limits, uploads it by the presigned flow with a local preview. */
export function ImageUploadField({ productId, onUploaded, announce, fetchFile }: ImageUploadFieldProps) {
  const dataProvider = useMarketDataProvider();
  const input = useRef<HTMLInputElement>(null);
  const [alt, setAlt] = useState('');
  const [preview, setPreview] = useState<{ url: string; name: string } | null>(null);

  const upload = async (file: File) => {
    const problem = imageFileProblem(file);
    if (problem) {
      announce(problem, 'error');
      if (input.current) input.current.value = '';
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview({ url, name: file.name });
    announce(`Uploading ${file.name}…`);
    try {
      const deps = { api: dataProvider, fetch: fetchFile ?? ((...args) => fetch(...args)) };
      const image = await uploadProductImage(deps, productId, file, alt);
      setAlt('');
      announce(`${file.name} added. Its thumbnail appears in a few seconds.`);
      onUploaded(image);
    } catch (error) {
      announce(error instanceof Error ? error.message : `${file.name} could not be uploaded.`, 'error');
    } finally {
      URL.revokeObjectURL(url);
      setPreview(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Stack spacing={1} sx={{ maxWidth: 560 }}>
      <TextField
        label="Text alternative of the next image (optional)"
        helperText="What the picture shows, for screen readers"
        value={alt}
        onChange={(event) => setAlt(event.target.value)}
        slotProps={{ htmlInput: { maxLength: 255 } }}
        disabled={preview !== null}
      />
      <FormLabel htmlFor={`product-${productId}-image-file`}>
        Add an image (JPEG, PNG or WebP, up to 5 MB)
      </FormLabel>
      <input
        ref={input}
        id={`product-${productId}-image-file`}
        type="file"
        accept={IMAGE_CONTENT_TYPES.join(',')}
        disabled={preview !== null}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      {preview ? (
        <Box sx={{ width: 120 }}>
          <img
            src={preview.url}
            alt={`Preview of ${preview.name}`}
            style={{ width: 120, height: 120, objectFit: 'cover', opacity: 0.6 }}
          />
          <LinearProgress aria-label={`Uploading ${preview.name}`} />
          <Typography variant="caption">Uploading…</Typography>
        </Box>
      ) : null}
    </Stack>
  );
}
