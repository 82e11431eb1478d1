import { nameSchema } from './account';
import { addressSchema } from './address';

const address = {
  name: 'Ada Lovelace',
  line1: '1 Market Street',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
};

describe('names and addresses', () => {
  test('control characters become spaces, then the text is trimmed', () => {
    const parsed = addressSchema.parse({
      ...address,
      name: 'Ada\r\nBcc: victim@example.test\u0000',
      line2: '\u001b[31mred\u001b[0m',
    });
    expect(parsed.name).toBe('Ada Bcc: victim@example.test');
    expect(parsed.line2).toBe('[31mred [0m');
    expect(nameSchema.parse('\tGrace\nHopper\u007f')).toBe('Grace Hopper');
  });

  test('a name of nothing but control characters is empty, so refused', () => {
    expect(addressSchema.safeParse({ ...address, name: '\u0000\n' }).success).toBe(false);
    expect(nameSchema.safeParse('\r\n').success).toBe(false);
  });

  test('ordinary text is kept as it is', () => {
    expect(addressSchema.parse({ ...address, name: 'Zoë O’Brien-Łukasz' }).name).toBe('Zoë O’Brien-Łukasz');
  });
});
