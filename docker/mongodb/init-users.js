// The query side's own MongoDB user (docs/operations.md, "Database users"): readWrite on the `ledger` database and
// nothing else — no other database, no user or cluster administration. The query side is the only service that uses
// MongoDB; it connects with authSource=ledger.
//
// The mongo image runs this once, as the root user, when it initialises an empty volume (mounted into
// /docker-entrypoint-initdb.d). It is safe to run again: an existing user gets the password of its file (that is how
// the password is rotated) and its roles reset. On a volume initialised before this file existed, run it by hand; it
// then authenticates as root itself, reading the password from its file, never from a command line:
//   docker-compose -p ... exec -T mongodb mongosh --quiet --norc --file /docker-entrypoint-initdb.d/10-ledger-users.js
//
// Files (one line; surrounding white space is ignored) in LEDGER_SECRETS_DIR (/run/secrets): mongodb-query-password,
// and mongodb-root-password when run by hand. The user is LEDGER_MONGODB_QUERY_USER (ledger_query); the root user
// MONGO_INITDB_ROOT_USERNAME.
const fs = require('fs');
const secrets = process.env.LEDGER_SECRETS_DIR || '/run/secrets';
const secret = name => fs.readFileSync(secrets + '/' + name, 'utf8').trim();

const admin = db.getSiblingDB('admin');
if (admin.runCommand({connectionStatus: 1}).authInfo.authenticatedUsers.length === 0) {
  admin.auth(process.env.MONGO_INITDB_ROOT_USERNAME, secret('mongodb-root-password'));
}

const ledger = db.getSiblingDB('ledger');
const user = process.env.LEDGER_MONGODB_QUERY_USER || 'ledger_query';
const password = secret('mongodb-query-password');
const roles = [{role: 'readWrite', db: 'ledger'}];
if (ledger.getUser(user)) {
  ledger.updateUser(user, {pwd: password, roles: roles});
  print('init-users: updated ' + user + ' (readWrite on ledger)');
} else {
  ledger.createUser({user: user, pwd: password, roles: roles});
  print('init-users: created ' + user + ' (readWrite on ledger)');
}
