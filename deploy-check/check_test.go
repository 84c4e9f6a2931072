package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The repository's own deployment files are the fixture: each case copies them into a temporary
// folder, breaks one thing, and expects the check to say so.
const repoRoot = ".."

var inputs = []string{
	"api/Dockerfile", "workers/Dockerfile", ".dockerignore", ".env.example", composeFile, skaffoldFile,
	"api/src/main/resources/application.yml", "workers/src/main/resources/application.yml", "pom.xml",
	"README.md",
}

func copyInputs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(rel string) {
		data, err := os.ReadFile(filepath.Join(repoRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, rel := range inputs {
		copyFile(rel)
	}
	// The manifests, and the workflows' sources (their task queues and search attributes).
	for _, tree := range []string{"k8s", workflowSources} {
		err := filepath.WalkDir(filepath.Join(repoRoot, tree), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, path)
			copyFile(rel)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// edit replaces the first occurrence of old in a copied file; old must be there, so a case can't
// silently stop testing anything when the real files change.
func edit(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q; update this test case", rel, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendTo(t *testing.T, dir, rel, text string) {
	t.Helper()
	path := filepath.Join(dir, filepath.FromSlash(rel))
	data, _ := os.ReadFile(path)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(data, []byte(text)...), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRepositoryDeploymentFilesPass(t *testing.T) {
	r := run(repoRoot)
	for _, p := range r.problems {
		t.Error(p)
	}
	if len(r.files) < 15 {
		t.Errorf("checked only %d files: %v", len(r.files), r.files)
	}
}

func TestCopiedFixturePasses(t *testing.T) {
	r := run(copyInputs(t))
	for _, p := range r.problems {
		t.Error(p)
	}
}

const strayService = `---
apiVersion: v1
kind: Service
metadata:
  name: stray
spec:
  selector:
    app: nothing-has-this-label
  ports:
    - port: 80
`

const wrongTargetPort = `---
apiVersion: v1
kind: Service
metadata:
  name: api-debug
spec:
  selector:
    app: api
  ports:
    - port: 5005
      targetPort: 5005
`

func TestReportsBrokenInputs(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   string // a problem containing this must be reported
	}{
		// Kubernetes manifests, strictly decoded.
		{"a Maven module left out of the images' build context", func(t *testing.T, dir string) {
			appendTo(t, dir, ".dockerignore", "\nactivities/orders\n")
		}, "excludes activities/orders, a module of pom.xml"},
		{"unknown field in a Deployment", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "      terminationGracePeriodSeconds: 40\n", "      terminationGracePeriodSeconds: 40\n      restartPolicyy: Always\n")
		}, `unknown field "spec.template.spec.restartPolicyy"`},
		{"wrong type in a Deployment", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "containerPort: 8080", `containerPort: "eighty"`)
		}, "containerPort"},
		{"unknown kind", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/api.yaml", "---\napiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n")
		}, `no kind "Deploymnet"`},
		{"Secret committed with values", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/secrets.yaml", "apiVersion: v1\nkind: Secret\nmetadata:\n  name: jwt-secret\nstringData:\n  JWT_KEY: oops\n")
		}, "Secret/jwt-secret: Secrets are created with kubectl"},
		{"Deployment selector not matching its pods", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-tickets.yaml", "    matchLabels:\n      app: workers-tickets", "    matchLabels:\n      app: workers-ticket")
		}, "does not match the pod template's labels"},
		{"Service selecting nothing", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/api.yaml", strayService)
		}, "Service/stray: selector map[app:nothing-has-this-label] selects no pods"},
		{"Service targetPort that is no container port", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/api.yaml", wrongTargetPort)
		}, "targetPort 5005 is not a container port of Deployment/api"},
		{"StatefulSet without its headless Service", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/users-mongo.yaml", "serviceName: users-mongo", "serviceName: users-mongo-headless")
		}, `serviceName "users-mongo-headless" names no Service`},
		{"container without limits", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/orders-mongo.yaml", "            limits:\n              cpu: 500m\n              memory: 768Mi\n", "")
		}, "container mongo has no memory limit"},
		{"unpinned image", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/payments-mongo.yaml", "image: mongo:8.0.12", "image: mongo:8")
		}, `tag "8" is not a full version`},
		{"probe path outside the actuator", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "path: /actuator/health/readiness", "path: /healthz")
		}, `readiness probe path "/healthz" is not an actuator endpoint`},
		{"probe port that is not the container's", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-orders.yaml", "path: /actuator/health/readiness\n              port: http", "path: /actuator/health/readiness\n              port: 8080")
		}, "readiness probe port 8080 is not one of the container's ports"},
		{"env var the app does not read", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-tickets.yaml", "          env:\n", "          env:\n            - name: MONGO_URL\n              value: mongodb://tickets-mongo:27017\n")
		}, "sets MONGO_URL, which the workers app does not read"},
		{"Secret of another name", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "name: jwt-secret", "name: jwt")
		}, `takes JWT_KEY from Secret "jwt"`},
		{"Secret key that is not there", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payments.yaml", "key: STRIPE_KEY", "key: stripe-key")
		}, `takes STRIPE_KEY from key "stripe-key" of Secret stripe-secret`},
		{"API without JWT_KEY", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "            - name: JWT_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: jwt-secret\n                  key: JWT_KEY\n", "")
		}, "Deployment/api container api does not set JWT_KEY"},
		{"API without TEMPORAL_ADDRESS", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "            - name: TEMPORAL_ADDRESS\n              value: temporal-frontend:7233\n", "")
		}, "Deployment/api container api does not set TEMPORAL_ADDRESS"},
		{"Mongo URI to a Service that does not exist", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "@users-mongo:27017/users", "@user-mongo:27017/users")
		}, "nothing here serves MongoDB at user-mongo:27017"},
		{"worker on a queue that does not exist", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-tickets.yaml", "value: tickets\n", "value: ticket\n")
		}, `"ticket" is not a task queue`},
		{"worker without its domain's database", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-orders.yaml", "            - name: ORDERS_MONGODB_URI\n              value: mongodb://orders:$(ORDERS_MONGODB_PASSWORD)@orders-mongo:27017/orders\n", "")
		}, "Deployment/workers-orders container workers does not set ORDERS_MONGODB_URI"},
		{"worker with another domain's database", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-orders.yaml", "          env:\n", "          env:\n            - name: USERS_MONGODB_URI\n              value: mongodb://users-mongo:27017/users\n")
		}, "sets USERS_MONGODB_URI but serves orders"},
		{"a queue no worker serves", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/workers-payments.yaml", "value: payments\n", "value: tickets\n")
		}, "no workers deployment serves the payments task queue"},
		{"HTTPRoute to a Service that does not exist", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/gateway.yaml", "        - name: api\n", "        - name: web\n")
		}, `backend Service "web" does not exist`},
		{"HTTPRoute to a port the Service lacks", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/gateway.yaml", "          port: 8080", "          port: 8443")
		}, "backend Service api has no such port"},
		{"HPA on a Deployment that does not exist", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/hpa.yaml", "    name: workers-orders\n  minReplicas", "    name: workers-order\n  minReplicas")
		}, "scaleTargetRef Deployment/workers-order names no workload"},
		{"replicas on a Deployment the HPA scales", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "spec:\n  selector:", "spec:\n  replicas: 2\n  selector:")
		}, "Deployment/api sets replicas, but HorizontalPodAutoscaler/api scales it"},
		{"Job that restarts Always", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/search-attributes-job.yaml", "restartPolicy: OnFailure", "restartPolicy: Always")
		}, "a Job's restartPolicy must be OnFailure or Never"},

		{"a comment that sends the reader to a file that does not exist", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/hpa.yaml", "(README.md", "(docs/deploy-and-operate.md")
		}, "k8s/hpa.yaml: line 3 names docs/deploy-and-operate.md, which does not exist"},
		{"a manifest path that was renamed", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/temporal/values.yaml", "kubectl apply -f k8s/temporal/postgresql.yaml", "kubectl apply -f k8s/temporal/postgres.yaml")
		}, "names k8s/temporal/postgres.yaml, which does not exist"},

		// Helm values.
		{"Helm values with a removed sub-chart", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/temporal/values.yaml", "elasticsearch:\n  enabled: false\n")
		}, `top-level "elasticsearch": chart 1.x removed it`},
		{"Helm values that are not YAML", func(t *testing.T, dir string) {
			appendTo(t, dir, "k8s/temporal/values.yaml", "web: [unclosed\n")
		}, "k8s/temporal/values.yaml: is not valid YAML"},

		// Dockerfiles.
		{"Dockerfile on :latest", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "FROM eclipse-temurin:25.0.3_9-jre-noble\nRUN", "FROM eclipse-temurin:latest\nRUN")
		}, "FROM eclipse-temurin:latest is on :latest"},
		{"Dockerfile on a bare major", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "FROM node:22.20.0-bookworm-slim AS node", "FROM node:22 AS node")
		}, `node:22: tag "22" is not a full version`},
		{"Dockerfile without a tag", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "FROM maven:3.9.11-eclipse-temurin-25-noble AS build", "FROM maven AS build")
		}, "maven has no tag"},
		{"Dockerfile without USER", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "USER 10001:10001\n", "")
		}, "api/Dockerfile: final stage (line 29) has no USER: the container would run as root"},
		{"Dockerfile running as root", func(t *testing.T, dir string) {
			edit(t, dir, "workers/Dockerfile", "USER 10001:10001\n", "USER root\n")
		}, "runs as USER root"},
		{"Dockerfile without HEALTHCHECK", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "HEALTHCHECK", "# HEALTHCHECK")
		}, "has no HEALTHCHECK"},
		{"Dockerfile exposing another port", func(t *testing.T, dir string) {
			edit(t, dir, "workers/Dockerfile", "EXPOSE 8081", "EXPOSE 8080")
		}, "EXPOSE 8080 does not match the workers port 8081"},
		{"Dockerfile copying from a stage that does not exist", func(t *testing.T, dir string) {
			edit(t, dir, "api/Dockerfile", "--from=layers /layers/extracted/application/", "--from=layer /layers/extracted/application/")
		}, "COPY --from=layer names no earlier stage"},
		{"Dockerfile starting Spring Boot's launcher", func(t *testing.T, dir string) {
			edit(t, dir, "workers/Dockerfile", `ENTRYPOINT ["java", "-jar", "app.jar"]`, `ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]`)
		}, "starts Spring Boot's launcher"},
		{"Dockerfile building another module", func(t *testing.T, dir string) {
			edit(t, dir, "workers/Dockerfile", "-pl workers -am", "-pl api -am")
		}, "should build only workers"},

		// Compose.
		{"compose depends_on a service that does not exist", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      postgresql:\n        condition: service_healthy", "      postgres:\n        condition: service_healthy")
		}, "postgres"},
		{"compose with an unknown key", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "    stop_grace_period: 30s", "    stop_grace_periodd: 30s")
		}, "stop_grace_periodd"},
		{"compose waiting on a service without healthcheck", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      test: [\"CMD\", \"mongosh\"", "      disable: true\n      test: [\"CMD\", \"mongosh\"")
		}, "waits for mongo to be healthy, but mongo has no healthcheck"},
		{"compose env var the app does not read", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      JWT_KEY: ${JWT_KEY", "      MONGO_URL: mongodb://mongo:27017\n      JWT_KEY: ${JWT_KEY")
		}, "service api sets MONGO_URL, which the api app does not read"},
		{"compose image without a version", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "image: mongo:8.0.12", "image: mongo")
		}, "service mongo: image mongo has no tag"},
		{"compose worker on an unknown queue", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "TICKETING_WORKER_QUEUES: tickets", "TICKETING_WORKER_QUEUES: tickets,refunds")
		}, `"refunds" is not a task queue`},
		{".env.example without JWT_KEY", func(t *testing.T, dir string) {
			edit(t, dir, ".env.example", "JWT_KEY=", "JWT_KEY_UNUSED=")
		}, "JWT_KEY"},

		// skaffold.
		{"skaffold artifact without its Dockerfile", func(t *testing.T, dir string) {
			edit(t, dir, skaffoldFile, "dockerfile: workers/Dockerfile", "dockerfile: worker/Dockerfile")
		}, "artifact ticketing-workers: Dockerfile worker/Dockerfile does not exist"},
		{"skaffold manifests glob matching nothing", func(t *testing.T, dir string) {
			edit(t, dir, skaffoldFile, "- k8s/*.yaml", "- kube/*.yaml")
		}, `manifests glob "kube/*.yaml" matches no file`},
		{"skaffold missing a manifest", func(t *testing.T, dir string) {
			edit(t, dir, skaffoldFile, "- k8s/*.yaml", "- k8s/api.yaml")
		}, "does not deploy k8s/gateway.yaml"},

		// The apps' contract itself.
		{"an app that stops reading a variable the manifests set", func(t *testing.T, dir string) {
			edit(t, dir, "workers/src/main/resources/application.yml", "${TICKETING_WORKER_QUEUES:", "${WORKER_QUEUES:")
		}, "sets TICKETING_WORKER_QUEUES, which the workers app does not read"},
		{"a setting the API reads that k8s/ does not set", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "            - name: STRIPE_PUBLISHABLE_KEY\n", "            - name: STRIPE_PUBLISHABLE_KEYS\n")
		}, "k8s: the api app reads ${STRIPE_PUBLISHABLE_KEY}"},
		{"a setting the API reads that compose does not set", func(t *testing.T, dir string) {
			edit(t, dir, composeFile, "      STRIPE_PUBLISHABLE_KEY: ${STRIPE_PUBLISHABLE_KEY:-}\n", "")
		}, "docker-compose.temporal.yml: the api app reads ${STRIPE_PUBLISHABLE_KEY}"},
		{"a setting compose may default but k8s/ may not", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/api.yaml", "            - name: SESSION_SECURE_COOKIE\n              value: \"true\"\n", "")
		}, "k8s: the api app reads ${SESSION_SECURE_COOKIE}"},
		{"a new setting no deployment has decided on", func(t *testing.T, dir string) {
			edit(t, dir, "workers/src/main/resources/application.yml", "ticketing:\n", "ticketing:\n  retention: ${TICKETING_RETENTION:P30D}\n")
		}, "the workers app reads ${TICKETING_RETENTION}"},
		{".env.example without STRIPE_PUBLISHABLE_KEY", func(t *testing.T, dir string) {
			edit(t, dir, ".env.example", "STRIPE_PUBLISHABLE_KEY=", "STRIPE_PK=")
		}, ".env.example: does not list STRIPE_PUBLISHABLE_KEY"},
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
