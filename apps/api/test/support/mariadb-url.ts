/** Server URL of the test MariaDB (no database part), from MARIADB_URL. */
export function mariadbUrl(): string {
  const raw =
    process.env.MARIADB_URL && process.env.MARIADB_URL !== ''
      ? process.env.MARIADB_URL
      : 'mysql://root@127.0.0.1:3306/';
  const url = new URL(raw.replace(/^mariadb:/, 'mysql:'));
  url.pathname = '/';
  return url.toString();
}
