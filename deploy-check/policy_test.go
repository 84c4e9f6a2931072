package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each policy the deployment holds to, broken once on a copy of the repository's own files: the
// check must say so. Grouped by policy; a case names what it breaks.
func TestReportsBrokenPolicies(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   string
	}{
		// Restricted Pod Security: every pod runs as non-root with the runtime's seccomp profile.
		{"an app pod without a seccomp profile", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "        seccompProfile:\n          type: RuntimeDefault\n", "")
		}, "Deployment/api: a namespace enforcing the restricted Pod Security level would refuse its pods: seccompProfile"},
		{"a MongoDB pod that may run as root", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/orders-mongo.yaml", "        runAsNonRoot: true\n        runAsUser: 999\n", "")
		}, "StatefulSet/orders-mongo: a namespace enforcing the restricted Pod Security level would refuse its pods: runAsNonRoot != true"},
		{"a Job that keeps its capabilities", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/search-attributes-job.yaml", "            capabilities:\n              drop: [\"ALL\"]\n", "")
		}, "Job/temporal-search-attributes: a namespace enforcing the restricted Pod Security level would refuse its pods: unrestricted capabilities"},
		{"a Temporal chart pod without a seccomp profile", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/values.yaml", "    runAsUser: 5000\n    runAsGroup: 5000\n    seccompProfile:\n      type: RuntimeDefault\n", "    runAsUser: 5000\n    runAsGroup: 5000\n")
		}, "pod temporal-web (web.securityContext, web.containerSecurityContext): a namespace enforcing the restricted Pod Security level would refuse it: seccompProfile"},
		{"a Temporal chart pod that may run as root", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/values.yaml", "  securityContext:\n    runAsNonRoot: true\n    runAsUser: 1000\n    runAsGroup: 1000\n    fsGroup: 1000\n", "  securityContext:\n    fsGroup: 1000\n")
		}, "pod temporal-history (server.securityContext, server.history.containerSecurityContext): a namespace enforcing the restricted Pod Security level would refuse it: runAsNonRoot != true"},

		// MongoDB with authentication, one user per domain limited to its database.
		{"a MongoDB without --auth", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/payments-mongo.yaml", `args: ["--auth", `, `args: [`)
		}, "StatefulSet/payments-mongo container mongo: MongoDB starts without --auth"},
		{"a MongoDB without its root user", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "            - name: MONGO_INITDB_ROOT_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: users-mongo\n                  key: MONGO_INITDB_ROOT_PASSWORD\n", "")
		}, "StatefulSet/users-mongo container mongo does not set MONGO_INITDB_ROOT_PASSWORD"},
		{"a MongoDB root password written into the manifest", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "            - name: MONGO_INITDB_ROOT_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: users-mongo\n                  key: MONGO_INITDB_ROOT_PASSWORD\n", "            - name: MONGO_INITDB_ROOT_PASSWORD\n              value: example\n")
		}, "MONGO_INITDB_ROOT_PASSWORD is written into the manifest"},
		{"a MongoDB that creates no domain user", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/tickets-mongo.yaml", "            - name: init\n              mountPath: /docker-entrypoint-initdb.d\n              readOnly: true\n", "")
		}, "StatefulSet/tickets-mongo container mongo mounts no script in /docker-entrypoint-initdb.d"},
		{"a domain user granted more than its database", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/mongo/create-domain-users.js", `[{ role: "readWrite", db: domain }]`, `[{ role: "readWriteAnyDatabase", db: "admin" }]`)
		}, `k8s/mongo/create-domain-users.js: must grant a domain's user exactly { role: "readWrite", db: domain }`},
		{"the ConfigMap's script differs from the one compose mounts", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/mongo-init.yaml", `role: "readWrite"`, `role: "dbOwner"`)
		}, "StatefulSet/orders-mongo container mongo: the script it mounts in /docker-entrypoint-initdb.d is not k8s/mongo/create-domain-users.js"},
		{"a MongoDB that creates a user for another domain", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/orders-mongo.yaml", "            - name: TICKETING_DOMAINS\n              value: orders\n", "            - name: TICKETING_DOMAINS\n              value: orders,payments\n")
		}, `StatefulSet/orders-mongo container mongo: TICKETING_DOMAINS is "orders,payments", but the URIs that name it are of the domains "orders"`},
		{"a client that signs in as nobody", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-tickets.yaml", "mongodb://tickets:$(TICKETS_MONGODB_PASSWORD)@tickets-mongo", "mongodb://tickets-mongo")
		}, "Deployment/workers-tickets container workers: TICKETS_MONGODB_URI signs in as nobody"},
		{"a client that signs in as root", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "mongodb://payments:$(PAYMENTS_MONGODB_PASSWORD)@", "mongodb://root:$(PAYMENTS_MONGODB_PASSWORD)@")
		}, `Deployment/api container api: PAYMENTS_MONGODB_URI signs in as "root"`},
		{"a client password from another domain's Secret", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-orders.yaml", "                  name: orders-mongo\n", "                  name: payments-mongo\n")
		}, "takes its password from ORDERS_MONGODB_PASSWORD, which must be key ORDERS_MONGODB_PASSWORD of Secret orders-mongo"},
		{"a URI that names its password before it is set", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "            - name: USERS_MONGODB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: users-mongo\n                  key: USERS_MONGODB_PASSWORD\n            - name: USERS_MONGODB_URI\n              value: mongodb://users:$(USERS_MONGODB_PASSWORD)@users-mongo:27017/users\n",
				"            - name: USERS_MONGODB_URI\n              value: mongodb://users:$(USERS_MONGODB_PASSWORD)@users-mongo:27017/users\n            - name: USERS_MONGODB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: users-mongo\n                  key: USERS_MONGODB_PASSWORD\n")
		}, "sets USERS_MONGODB_URI from $(USERS_MONGODB_PASSWORD), which is not set above it"},
		{"compose's MongoDB without --auth", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, `    command: ["--auth"]`+"\n", "")
		}, "service mongo: MongoDB starts without --auth"},
		{"compose's client without credentials", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      ORDERS_MONGODB_URI: mongodb://orders:${ORDERS_MONGODB_PASSWORD:?set ORDERS_MONGODB_PASSWORD in .env (see .env.example)}@mongo:27017/orders\n      PAYMENTS", "      ORDERS_MONGODB_URI: mongodb://mongo:27017/orders\n      PAYMENTS")
		}, "service api: ORDERS_MONGODB_URI signs in as nobody"},

		// A domain that reads another's database does so as its own user, granted read there only.
		{"a reader granted more than read", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/mongo/create-domain-users.js", `{ role: "read", db: database }`, `{ role: "readWrite", db: database }`)
		}, `k8s/mongo/create-domain-users.js: must grant a domain's user exactly { role: "readWrite", db: domain }`},
		{"a MongoDB that does not grant its reader", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "            - name: TICKETING_READS\n              value: notifications:users\n", "")
		}, `StatefulSet/users-mongo container mongo: TICKETING_READS is "", but the URIs that sign in to it as another domain's user read "notifications:users"`},
		{"a read grant no URI uses", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      TICKETING_READS: notifications:users\n", "      TICKETING_READS: notifications:users,payouts:orders\n")
		}, `service mongo: TICKETING_READS is "notifications:users,payouts:orders", but the URIs that sign in to it as another domain's user read "notifications:users"`},
		{"a read grant on a database the server lacks", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "              value: notifications:users\n", "              value: notifications:users,notifications:orders\n")
		}, "StatefulSet/users-mongo container mongo: TICKETING_READS grants notifications read on orders, which is not one of its TICKETING_DOMAINS"},
		{"a reader that signs in as the owner", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "mongodb://notifications:${NOTIFICATIONS_MONGODB_PASSWORD:?set NOTIFICATIONS_MONGODB_PASSWORD in .env (see .env.example)}@mongo:27017/users?authSource=notifications", "mongodb://users:${USERS_MONGODB_PASSWORD:?set USERS_MONGODB_PASSWORD in .env (see .env.example)}@mongo:27017/users")
		}, `service workers-notifications: USERS_MONGODB_URI signs in as "users", who may write the users database, which notifications only reads`},
		{"a reader's URI that authenticates in the wrong database", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-notifications.yaml", "@users-mongo:27017/users?authSource=notifications", "@users-mongo:27017/users")
		}, "Deployment/workers-notifications container workers: USERS_MONGODB_URI signs in as the reader notifications, whose user lives in the notifications database: add ?authSource=notifications"},
		{"a reader's password from the other database's Secret", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "                  name: notifications-mongo\n", "                  name: users-mongo\n")
		}, "StatefulSet/users-mongo container mongo: NOTIFICATIONS_MONGODB_PASSWORD comes from key NOTIFICATIONS_MONGODB_PASSWORD of Secret users-mongo: it must be key NOTIFICATIONS_MONGODB_PASSWORD of Secret notifications-mongo"},
		{"a database its reader can't reach", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "        - podSelector:\n            matchLabels:\n              app: workers-notifications\n", "")
		}, "StatefulSet/users-mongo: no NetworkPolicy lets workers-notifications in"},

		// Email: from a real SMTP server's settings in k8s, through Mailpit dropping repeats in compose.
		{"the notifications workers without an SMTP server", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-notifications.yaml", "            - name: MAIL_HOST\n              valueFrom:\n                secretKeyRef:\n                  name: mail-secret\n                  key: MAIL_HOST\n", "")
		}, "Deployment/workers-notifications container workers does not set MAIL_HOST"},
		{"the sender compose leaves out", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      MAIL_FROM: tickets@ticketing.test\n", "")
		}, "service workers-notifications does not set MAIL_FROM"},
		{"compose's Mailpit delivering a repeated email twice", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      - --ignore-duplicate-ids\n", "")
		}, "service mailpit runs Mailpit without --ignore-duplicate-ids"},
		{"compose's Mailpit UI on every address", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, `      - "127.0.0.1:8025:8025"`, `      - "8025:8025"`)
		}, "service mailpit publishes port 8025"},
		{"compose's notifications sending to no service", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      MAIL_HOST: mailpit\n", "      MAIL_HOST: smtp\n")
		}, `service workers-notifications: MAIL_HOST "smtp" names no service of this file`},
		{"egress that leaves out SMTP submission", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-notifications.yaml", "        - port: 587\n", "")
		}, "Deployment/workers-notifications: its egress is isolated, but no NetworkPolicy lets it reach the SMTP server (any address: it may be a relay on the private network) on TCP 587"},
		{"egress that leaves out the database a queue reads", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-notifications.yaml", "        - podSelector:\n            matchLabels:\n              app: users-mongo\n", "")
		}, "Deployment/workers-notifications: its egress is isolated, but no NetworkPolicy lets it reach MongoDB users-mongo on TCP 27017"},

		// NetworkPolicies: a domain's database only from its clients; nothing reaches the workers; the
		// API only from the Gateway (and Prometheus on the management port).
		{"a domain database another domain's workers reach", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/payments-mongo.yaml", "              app: workers-payments\n", "              app: workers-payments\n        - podSelector:\n            matchLabels:\n              app: workers-orders\n")
		}, "StatefulSet/payments-mongo: NetworkPolicy/payments-mongo lets workers-orders reach port 27017, which holds no URI to it"},
		{"a domain database every namespace reaches", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "        - podSelector:\n            matchLabels:\n              app: api\n", "        - podSelector:\n            matchLabels:\n              app: api\n        - namespaceSelector: {}\n")
		}, "StatefulSet/users-mongo: NetworkPolicy/users-mongo lets every pod of any namespace reach port 27017"},
		{"a domain database open to all on every port", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/network-policies.yaml", "---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: allow-all\nspec:\n  podSelector: {}\n  ingress:\n    - {}\n")
		}, "StatefulSet/tickets-mongo: NetworkPolicy/allow-all lets anywhere reach port 27017"},
		{"a domain database its own client can't reach", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/tickets-mongo.yaml", "              app: workers-tickets\n", "              app: workers-ticket\n")
		}, "StatefulSet/tickets-mongo: no NetworkPolicy lets workers-tickets in"},
		{"no default deny", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/network-policies.yaml", "  name: workers\n  labels:\n    app.kubernetes.io/part-of: ticketing\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/component: workers\n", "  name: workers\n  labels:\n    app.kubernetes.io/part-of: ticketing\nspec:\n  podSelector:\n    matchLabels:\n      app.kubernetes.io/component: nothing\n")
			edit(t, dir, "k8s/network-policies.yaml", "      app.kubernetes.io/part-of: ticketing\n  policyTypes", "      app.kubernetes.io/part-of: nothing\n  policyTypes")
		}, "Deployment/workers-orders: no NetworkPolicy selects its pods"},
		{"the workers reachable from the API", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/network-policies.yaml", "    - from:\n        - podSelector:\n            matchLabels:\n              app: api\n")
		}, "Deployment/workers-payments: NetworkPolicy/workers lets pods app=api of this namespace reach port 8081; nothing calls this workload"},
		{"the API reachable from any pod", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/network-policies.yaml", "        - port: http\n    - from:", "        - port: http\n    - from:\n        - podSelector: {}\n      ports:\n        - port: http\n    - from:")
		}, "Deployment/api: NetworkPolicy/api lets every pod of this namespace reach port 8080; only the Gateway's proxies"},
		// Egress, where a policy isolates it: to everything the pod's settings name, and nothing else.
		{"egress that leaves out Stripe", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payouts.yaml", "      ports:\n        - port: 443\n", "      ports:\n        - port: 8443\n")
		}, "Deployment/workers-payouts: its egress is isolated, but no NetworkPolicy lets it reach Stripe's API"},
		{"egress that leaves out DNS", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payouts.yaml", "              k8s-app: kube-dns\n", "              k8s-app: coredns\n")
		}, "Deployment/workers-payouts: its egress is isolated, but no NetworkPolicy lets it reach the cluster's DNS (namespace kube-system, pods k8s-app=kube-dns) on UDP 53"},
		{"egress to another domain's database", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payouts.yaml", "              app: payouts-mongo\n", "              app: payments-mongo\n")
		}, "Deployment/workers-payouts: NetworkPolicy/workers-payouts-egress lets it reach pods app=payments-mongo of this namespace on TCP 27017; it connects only to"},
		{"egress to every port of every address", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/workers-payouts.yaml", "    - {}\n")
		}, "Deployment/workers-payouts: NetworkPolicy/workers-payouts-egress lets it reach anywhere on every port"},
		{"Stripe's egress open to the cluster's own addresses", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payouts.yaml", "            except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, 169.254.0.0/16]\n", "")
		}, "Deployment/workers-payouts: NetworkPolicy/workers-payouts-egress lets it reach addresses 0.0.0.0/0 on TCP 443"},
		{"the API's management port reachable from the Gateway", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/network-policies.yaml", "      ports:\n        - port: http\n    - from:", "    - from:")
		}, "Deployment/api: NetworkPolicy/api lets pods app.kubernetes.io/name=envoy,gateway.envoyproxy.io/owning-gateway-name=ticketing of namespace envoy-gateway-system reach port 9080"},

		// Readiness: the pod's own state, never a store.
		{"a readiness group that names a store", func(t *testing.T, dir string) {
			edit(t, dir, "api/src/main/resources/application.yml", "          include: readinessState,catalog\n", "          include: readinessState,catalog,stores\n")
		}, `api/src/main/resources/application.yml: the readiness health group includes "stores"`},
		{"a workers readiness group that names a store", func(t *testing.T, dir string) {
			edit(t, dir, "workers/src/main/resources/application.yml", "          include: readinessState\n", "          include: [readinessState, mongo]\n")
		}, `workers/src/main/resources/application.yml: the readiness health group includes "mongo"`},
		{"a readiness probe on the whole health endpoint", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "              path: /actuator/health/readiness", "              path: /actuator/health")
		}, "Deployment/api container api: its readiness probe asks /actuator/health; it must ask /actuator/health/readiness"},
		{"a probe on the API's public port", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "              path: /actuator/health/readiness\n              port: management", "              path: /actuator/health/readiness\n              port: http")
		}, "Deployment/api container api: its readiness probe asks port 8080, but the api app's actuator answers on 9080"},
		{"metrics scraped on the API's public port", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", `prometheus.io/port: "9080"`, `prometheus.io/port: "8080"`)
		}, `Deployment/api: prometheus.io/port is "8080", but the api app serves /actuator/prometheus on 9080`},
		{"a health check on the API's public port", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "${MANAGEMENT_PORT:-9080}", "${PORT:-8080}")
		}, "HEALTHCHECK must ask the actuator on ${MANAGEMENT_PORT:-9080}"},

		// No 502s on rollout: a preStop sleep, and the shutdown inside the grace period.
		{"a Deployment without preStop", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "          lifecycle:\n            preStop:\n              sleep:\n                seconds: 10\n", "")
		}, "Deployment/api container api has no lifecycle.preStop.sleep"},
		{"a preStop sleep shorter than endpoint propagation", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "                seconds: 10\n", "                seconds: 1\n")
		}, "Deployment/api container api sleeps 1 s before stopping"},
		{"a grace period the shutdown does not fit in", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "      terminationGracePeriodSeconds: 40\n", "      terminationGracePeriodSeconds: 30\n")
		}, "Deployment/api: terminationGracePeriodSeconds 30s is shorter than preStop 10s + Spring's shutdown phase 20s"},
		{"a workers grace period shorter than Spring's shutdown", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payments.yaml", "      terminationGracePeriodSeconds: 45\n", "      terminationGracePeriodSeconds: 30\n")
		}, "Deployment/workers-payments: terminationGracePeriodSeconds 30s is shorter than preStop 0s + Spring's shutdown phase 30s"},
		{"replicas that undo kubectl scale", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-tickets.yaml", "spec:\n  # No replicas", "spec:\n  replicas: 1\n  # No replicas")
		}, "Deployment/workers-tickets sets replicas: every kubectl apply (skaffold run) would undo a kubectl scale"},

		// Every task queue is deployed with what its activities need; every search attribute the
		// workflows set is registered; a setting both apps read has one value.
		{"a task queue deploy-check does not know", func(t *testing.T, dir string) {
			edit(t, dir, taskQueuesFile, `  public static final String PAYOUTS = "payouts";`, `  public static final String PAYOUTS = "payouts";
  public static final String REFUNDS = "refunds";`)
		}, `names the task queue "refunds", which deploy-check does not know`},
		{"a queue no Kubernetes workers serve", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payouts.yaml", "              value: payouts\n", "              value: payments\n")
		}, "no workers deployment serves the payouts task queue"},
		{"the payouts workers without Stripe", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payouts.yaml", "            - name: STRIPE_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: stripe-secret\n                  key: STRIPE_KEY\n", "")
		}, "Deployment/workers-payouts container workers does not set STRIPE_KEY (the payouts activities call Stripe)"},
		{"the payouts workers with the payments database", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      TICKETING_WORKER_QUEUES: payouts\n", "      TICKETING_WORKER_QUEUES: payouts\n      PAYMENTS_MONGODB_URI: mongodb://payments:${PAYMENTS_MONGODB_PASSWORD:?set PAYMENTS_MONGODB_PASSWORD in .env (see .env.example)}@mongo:27017/payments\n")
		}, "service workers-payouts sets PAYMENTS_MONGODB_URI but serves payouts"},
		{"a search attribute compose does not register", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "for name in OrderStatus TicketId BuyerId PayoutStatus SellerId; do", "for name in OrderStatus TicketId BuyerId SellerId; do")
		}, "service temporal-setup does not register the search attributes PayoutStatus (Keyword)"},
		{"a search attribute the Job does not register", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/search-attributes-job.yaml", "for name in OrderStatus TicketId BuyerId PayoutStatus SellerId; do", "for name in OrderStatus TicketId BuyerId PayoutStatus; do")
		}, "Job/temporal-search-attributes container register does not register the search attributes SellerId (Keyword)"},
		{"a search attribute registered as another type", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/search-attributes-job.yaml", "--type Keyword", "--type Text")
		}, "registers the search attribute PayoutStatus as Text, but the workflows set it as Keyword"},
		{"a new search attribute in the workflows", func(t *testing.T, dir string) {
			edit(t, dir, "workflows/src/main/java/dev/ticketing/workflows/payouts/PayoutWorkflow.java", `SearchAttributeKey.forKeyword("SellerId");`, `SearchAttributeKey.forKeyword("SellerId");
  SearchAttributeKey<Long> AMOUNT = SearchAttributeKey.forLong("PayoutAmount");`)
		}, "does not register the search attributes PayoutAmount (Int)"},
		{"the API's payout fee not the workers'", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "            - name: PAYOUTS_FEE_PERCENT\n              value: \"10\"\n", "            - name: PAYOUTS_FEE_PERCENT\n              value: \"12\"\n")
		}, `k8s: PAYOUTS_FEE_PERCENT differs between containers: "10" (workers-payouts) but "12" (api)`},
		{"compose's onboarding return address not the API's", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      TICKETING_WORKER_QUEUES: payouts\n", "      TICKETING_WORKER_QUEUES: payouts\n      PUBLIC_URL: http://localhost:3000\n")
		}, "docker-compose.temporal.yml: PUBLIC_URL differs between containers"},

		// Temporal's PostgreSQL connections fit in max_connections.
		{"pools that exceed max_connections", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/values.yaml", "            maxConns: 20\n", "            maxConns: 40\n")
		}, "Temporal's pools can open 200 PostgreSQL connections (4 pods x (default 40 + visibility 10)), more than the 137"},
		{"PostgreSQL left at its default max_connections", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/postgresql.yaml", `          args: ["-c", "max_connections=150"]`+"\n", "")
		}, "Temporal's pools can open 120 PostgreSQL connections (4 pods x (default 20 + visibility 10)), more than the 87 that max_connections 100"},
		{"a second history replica without more connections", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/values.yaml", "  history:\n", "  history:\n    replicaCount: 2\n")
		}, "Temporal's pools can open 150 PostgreSQL connections (5 pods"},
		{"an unbounded pool", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/values.yaml", "            maxConns: 10\n", "")
		}, "server.config.persistence.datastores.visibility.sql.maxConns is not set"},
		{"compose's pools that exceed max_connections", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, `    command: ["postgres", "-c", "max_connections=150"]`+"\n", "")
		}, "service temporal: its pools can open 120 PostgreSQL connections (4 services x (SQL_MAX_CONNS + SQL_VIS_MAX_CONNS = 30)), more than the 87"},

		// The JVM's budget.
		{"a heap that is a percentage of a small limit", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "-Xms384m -Xmx384m", "-XX:MaxRAMPercentage=75.0")
		}, "Deployment/api container api: a 576 MiB heap leaves 192 MiB of its 768 MiB memory limit for everything off the heap, which needs 256"},
		{"a JVM left to pick SerialGC", func(t *testing.T, dir string) {
			edit(t, dir, "workers/Dockerfile", "-XX:+UseG1GC ", "")
		}, "Deployment/workers-orders container workers: JAVA_TOOL_OPTIONS \"-XX:ActiveProcessorCount=2 -Xms320m -Xmx320m -Xss512k -XX:+ExitOnOutOfMemoryError -XX:CompileCommand=quiet -XX:CompileCommand=MemLimit,*.*,12m\" names no garbage collector"},
		{"a JVM that sees one processor", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "-XX:ActiveProcessorCount=2 ", "")
		}, "Deployment/api container api: JAVA_TOOL_OPTIONS does not set -XX:ActiveProcessorCount, so the JVM's GC and carrier threads follow the CPU limit"},
		{"a CPU limit under the JVM's processors", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-orders.yaml", "              cpu: \"2\"\n", "              cpu: \"1\"\n")
		}, "Deployment/workers-orders container workers: the JVM runs 2 processors' worth of threads (-XX:ActiveProcessorCount=2) under a CPU limit of 1"},
		{"a memory request under the limit", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "              cpu: 500m\n              memory: 768Mi\n", "              cpu: 500m\n              memory: 512Mi\n")
		}, "Deployment/api container api requests 512Mi of memory but may use 768Mi"},

		// No secret in compose works out of the box.
		{"a placeholder secret in .env.example", func(t *testing.T, dir string) {
			edit(t, dir, ".env.example", "JWT_KEY=\n", "JWT_KEY=dev-only-replace-me-with-openssl-rand-base64-48-output\n")
		}, `.env.example: gives JWT_KEY the value "dev-only-replace-me-with-openssl-rand-base64-48-output", a placeholder compose would start with`},
		{"a secret compose defaults", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "${JWT_KEY:?set JWT_KEY in .env (see .env.example)}", "${JWT_KEY:-dev-key}")
		}, "${JWT_KEY:-dev-key}: a secret must be required"},
		{"a secret written into compose", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      POSTGRES_PASSWORD: ${TEMPORAL_POSTGRES_PASSWORD:?set TEMPORAL_POSTGRES_PASSWORD in .env (see .env.example)}\n", "      POSTGRES_PASSWORD: temporal\n")
		}, "service postgresql writes POSTGRES_PASSWORD into the file"},
		{"a password written into a compose URI", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "mongodb://tickets:${TICKETS_MONGODB_PASSWORD:?set TICKETS_MONGODB_PASSWORD in .env (see .env.example)}@mongo", "mongodb://tickets:hunter2@mongo")
		}, "service api writes a password into TICKETS_MONGODB_URI"},
		{"a secret .env.example does not list", func(t *testing.T, dir string) {
			edit(t, dir, ".env.example", "ORDERS_MONGODB_PASSWORD=\n", "")
		}, ".env.example: does not list ORDERS_MONGODB_PASSWORD"},

		// Routing: the Gateway API with TLS and the 2 MiB limit; no ingress-nginx.
		{"an Ingress for the retired ingress-nginx", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/ingress.yaml", "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ticketing\nspec:\n  ingressClassName: nginx\n  defaultBackend:\n    service:\n      name: api\n      port:\n        name: http\n")
		}, "Ingress/ticketing is for ingress-nginx, which was retired in March 2026"},
		{"a Gateway without TLS", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/gateway.yaml", "      tls:\n        mode: Terminate\n        certificateRefs:\n          - kind: Secret\n            name: ticketing-tls\n", "")
		}, "Gateway/ticketing: listener https is HTTPS without a certificate"},
		{"plain http routed to the API", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/gateway.yaml", "      sectionName: https\n", "      sectionName: http\n")
		}, "HTTPRoute/ticketing sends traffic from ticketing/http, which is not an HTTPS listener, to Service api"},
		{"no body limit at the edge", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/gateway.yaml", "      name: ticketing\n  requestBuffer:", "      name: other\n  requestBuffer:")
		}, "HTTPRoute/ticketing reaches Service api with no body limit"},
		{"a body limit the API never sees", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/gateway.yaml", "    limit: 2Mi", "    limit: 512Ki")
		}, "BackendTrafficPolicy/ticketing: requestBuffer.limit 512Ki: it must be above the API's 1Mi"},
		{"an unknown field in an Envoy Gateway policy", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/gateway.yaml", "  requestBuffer:\n    limit: 2Mi", "  requestBuffer:\n    limitt: 2Mi")
		}, `unknown field "spec.requestBuffer.limitt"`},

		// The small ones.
		{"a node stage no module of the build needs", func(t *testing.T, dir string) {
			edit(t, dir, "workers/Dockerfile", "FROM maven:", "FROM node:22.20.0-bookworm-slim AS node\n\nFROM maven:")
			root, err := os.ReadFile(filepath.Join(repoRoot, "pom.xml"))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range mavenModule.FindAllStringSubmatch(string(root), -1) {
				copyInto(t, dir, m[1]+"/pom.xml")
			}
		}, "workers/Dockerfile: line 6: a node stage, but the Maven build (-pl workers -am) reaches no module that runs npm"},
		{"compose on another Temporal than the chart", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "temporalio/server:1.31.2", "temporalio/server:1.31.0")
		}, "service temporal runs temporalio/server:1.31.0, but the Helm chart runs temporalio/server:1.31.2"},
		{"the search-attribute Job on other admin tools", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/search-attributes-job.yaml", "temporalio/admin-tools:1.31.2", "temporalio/admin-tools:1.31.0")
		}, "Job/temporal-search-attributes container register runs temporalio/admin-tools:1.31.0, but the chart's admin-tools are 1.31.2"},
		{"skaffold on an old schema", func(t *testing.T, dir string) {
			edit(t, dir, skaffoldFile, "skaffold/v4beta14", "skaffold/v4beta13")
		}, "apiVersion skaffold/v4beta13: skaffold's current schema is skaffold/v4beta14"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyInputs(t)
			tc.break_(t, dir)
			r := run(dir)
			for _, p := range r.problems {
				if strings.Contains(p, tc.want) {
					t.Log(p)
					return
				}
			}
			t.Errorf("no problem mentions %q; got:\n%s", tc.want, strings.Join(r.problems, "\n"))
		})
	}
}

// copyInto copies one more file of the repository into a test's copy.
func copyInto(t *testing.T, dir, rel string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, rel))
	if err != nil {
		t.Fatal(err)
	}
	appendTo(t, dir, rel, string(data))
}
