import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './passwords';

const email = 'Ada.Lovelace@Example.com';
const codes = (password: string, path?: string) => passwordProblems(password, email, path).map((p) => p.code);

test('the length bounds are 8 and 256 (the schemas enforce them)', () => {
  expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]).toEqual([8, 256]);
});

test.each(['correct horse battery staple', 'Tr0ub4dour&3-xyz', 'ada lovelace 1815'])(
  '%s is fine',
  (password) => {
    expect(passwordProblems(password, email)).toEqual([]);
  },
);

test.each(['ada.lovelace@example.com', 'ADA.LOVELACE@EXAMPLE.COM', 'ada.lovelace', 'Ada.Lovelace'])(
  'the email or its name part (%s), in any case, is refused',
  (password) => {
    expect(codes(password)).toEqual(['password_is_email']);
  },
);

test('the email is compared trimmed', () => {
  expect(passwordProblems('ada@example.com', '  ADA@example.com ').map((p) => p.code)).toEqual([
    'password_is_email',
  ]);
});

test.each(['password123', 'iloveyou', 'Password1', 'QWERTYUIOP', 'trustno1'])(
  'the common password %s is refused, in any case',
  (password) => {
    expect(codes(password)).toEqual(['password_too_common']);
  },
);

test('problems name the field, body.password unless told otherwise', () => {
  expect(passwordProblems('password123', email)[0]).toMatchObject({
    path: 'body.password',
    message: expect.any(String),
  });
  expect(passwordProblems('password123', email, 'body.newPassword')[0]!.path).toBe('body.newPassword');
});
