// Creates each domain's own MongoDB user, allowed to read and write its own database and nothing else.
// The mongo image's entrypoint runs it once, on the first start of an empty data volume, before it
// starts mongod with --auth (after creating the root user from MONGO_INITDB_ROOT_*).
//   TICKETING_DOMAINS         the domains this server holds, comma-separated: "payments", or all of them
//   <DOMAIN>_MONGODB_PASSWORD that domain's password (from a Secret, or compose's .env)
// The user is named after the domain and lives in the domain's database, which the apps' URIs name
// (mongodb://payments:<password>@payments-mongo:27017/payments), so that is also where it authenticates.
// k8s/mongo-init.yaml carries this file for Kubernetes; deploy-check fails when the two differ.
for (const domain of process.env.TICKETING_DOMAINS.split(",").map((d) => d.trim())) {
  const password = process.env[`${domain.toUpperCase()}_MONGODB_PASSWORD`];
  if (!password) {
    throw new Error(`${domain.toUpperCase()}_MONGODB_PASSWORD is not set`);
  }
  db.getSiblingDB(domain).createUser({
    user: domain,
    pwd: password,
    roles: [{ role: "readWrite", db: domain }],
  });
  print(`created user ${domain} (readWrite on ${domain})`);
}
