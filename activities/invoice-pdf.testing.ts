import { execFile } from 'node:child_process';
import path from 'node:path';

// pdf.js (in unpdf) is ES modules loaded with a dynamic import(), which Jest's CommonJS sandbox refuses without
// --experimental-vm-modules. A plain node child process parses the PDF instead: the test still reads the real file.
const SCRIPT = `
import { extractText, getDocumentProxy } from 'unpdf';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
const { totalPages, text } = await extractText(pdf, { mergePages: false });
process.stdout.write(JSON.stringify({ pages: totalPages, text }));
`;

export interface PdfText {
  pages: number;
  /** The text of each page. */
  text: string[];
}

/** The text of a PDF, page by page, as a PDF reader extracts it. */
export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: path.resolve(__dirname, '..'), maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`could not parse the PDF: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout) as PdfText);
      },
    );
    child.stdin!.end(pdf);
  });
}
