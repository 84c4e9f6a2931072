// Creates each domain's own MongoDB user, allowed to read and write its own database and nothing else,
// and, where a domain must look into another's database, lets that domain's user only read it.
// The mongo image's entrypoint runs it once, on the first start of an empty data volume, before it
// starts mongod with --auth (after creating the root user from MONGO_INITDB_ROOT_*). Run again as root
// on a server that has users (a domain or a grant added since), it creates the missing users and
// gives the others these roles, keeping their passwords (README.md, "Deploy").
//   TICKETING_DOMAINS         the domains this server holds, comma-separated: "payments", or all of them
//   TICKETING_READS           optional, "<reader>:<database>,...": the reader domain's user may read that
//                             database of this server, nothing more ("notifications:users": the
//                             notifications look up recipients' addresses, and must never change a user)
//   <DOMAIN>_MONGODB_PASSWORD each user's password (from a Secret, or compose's .env); a reader's is its
//                             own domain's, so one password signs it in wherever it is granted anything
// Every user is named after its domain and lives in that domain's database, which the apps' URIs name
// (mongodb://payments:<password>@payments-mongo:27017/payments), so that is also where it authenticates;
// a reader's URI to another database says so (.../users?authSource=notifications).
// k8s/mongo-init.yaml carries this file for Kubernetes; deploy-check fails when the two differ.
const list = (name) => (process.env[name] || "").split(",").map((s) => s.trim()).filter((s) => s);
const domains = list("TICKETING_DOMAINS");
const users = new Map(domains.map((domain) => [domain, [{ role: "readWrite", db: domain }]]));
for (const [reader, database] of list("TICKETING_READS").map((pair) => pair.split(":"))) {
  if (!domains.includes(database)) {
    throw new Error(`TICKETING_READS: ${database} is not one of this server's databases (${domains})`);
  }
  users.set(reader, [...(users.get(reader) || []), { role: "read", db: database }]);
}
for (const [user, roles] of users) {
  const password = process.env[`${user.toUpperCase()}_MONGODB_PASSWORD`];
  if (!password) {
    throw new Error(`${user.toUpperCase()}_MONGODB_PASSWORD is not set`);
  }
  const home = db.getSiblingDB(user);
  const grants = roles.map((r) => `${r.role} on ${r.db}`).join(", ");
  if (home.getUser(user)) {
    home.updateUser(user, { roles });
    print(`user ${user} exists: its roles are now ${grants}`);
  } else {
    home.createUser({ user, pwd: password, roles });
    print(`created user ${user} (${grants})`);
  }
}
