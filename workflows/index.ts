export const wf = 1;
