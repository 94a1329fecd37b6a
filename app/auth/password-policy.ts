// Password length rules, shown in forms and enforced on the server.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
