package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

const (
	// PostgreSQL's defaults when the server is not told otherwise.
	defaultMaxConnections = 100
	defaultSuperuserSlots = 3
	// Connections kept for what runs beside the server's pools: the schema job, admin-tools, a psql.
	oneOffConnections = 10
)

// The Temporal services that open persistence pools, as the chart names them, and whether the chart
// enables each by default.
var temporalServices = []struct {
	name    string
	enabled bool
}{{"frontend", true}, {"internal-frontend", false}, {"history", true}, {"matching", true}, {"worker", true}}

var pgSetting = regexp.MustCompile(`^(max_connections|superuser_reserved_connections)=(\d+)$`)

// pgLimits reads max_connections and superuser_reserved_connections from a postgres command line
// (-c name=value), PostgreSQL's defaults where absent.
func pgLimits(args []string) (maxConns, reserved int) {
	maxConns, reserved = defaultMaxConnections, defaultSuperuserSlots
	for _, arg := range args {
		if m := pgSetting.FindStringSubmatch(strings.TrimPrefix(arg, "-c")); m != nil {
			n, _ := strconv.Atoi(m[2])
			if m[1] == "max_connections" {
				maxConns = n
			} else {
				reserved = n
			}
		}
	}
	return maxConns, reserved
}

// checkK8sConnections sums what the Temporal chart's pods can open on PostgreSQL (replicas x the
// pools of every store each service opens) and holds it within what k8s/temporal/postgresql.yaml
// allows.
func checkK8sConnections(r *report, m *manifests, valuesFile string, values map[string]any) {
	var pg *workload
	var pgArgs []string
	for i, w := range m.workloads {
		for _, c := range w.pod.Containers {
			if name, _, _ := strings.Cut(c.Image, ":"); name == "postgres" {
				pg, pgArgs = &m.workloads[i], append(append([]string{}, c.Command...), c.Args...)
			}
		}
	}
	if pg == nil {
		r.addf(valuesFile, "no PostgreSQL StatefulSet under k8s/ to hold Temporal's connection pools against")
		return
	}
	maxConns, reserved := pgLimits(joinDashC(pgArgs))
	persistence, _ := dig(values, "server", "config", "persistence").(map[string]any)
	stores, _ := persistence["datastores"].(map[string]any)
	perPod, terms := 0, []string{}
	for _, key := range []string{"defaultStore", "visibilityStore", "secondaryVisibilityStore"} {
		name, _ := persistence[key].(string)
		sql, _ := dig(stores, name, "sql").(map[string]any)
		if name == "" || sql == nil {
			continue
		}
		n, ok := sql["maxConns"].(float64)
		if !ok || n <= 0 {
			r.addf(valuesFile, "server.config.persistence.datastores.%s.sql.maxConns is not set: Temporal's pool is then unbounded (database/sql's 0), and PostgreSQL runs out of connections under load", name)
			continue
		}
		perPod += int(n)
		terms = append(terms, fmt.Sprintf("%s %d", name, int(n)))
	}
	replicas := 1
	if n, ok := dig(values, "server", "replicaCount").(float64); ok {
		replicas = int(n)
	}
	pods, total := 0, 0
	for _, s := range temporalServices {
		enabled := s.enabled
		if v, ok := dig(values, "server", s.name, "enabled").(bool); ok {
			enabled = v
		}
		if !enabled {
			continue
		}
		n := replicas
		if v, ok := dig(values, "server", s.name, "replicaCount").(float64); ok {
			n = int(v)
		}
		pods += n
		total += n * perPod
	}
	if room := maxConns - reserved - oneOffConnections; total > room {
		r.addf(valuesFile, "Temporal's pools can open %d PostgreSQL connections (%d pods x (%s)), more than the %d that max_connections %d (%s) leaves after %d for superusers and %d for the schema job and admin tools", total, pods, strings.Join(terms, " + "), room, maxConns, pg.file, reserved, oneOffConnections)
	}
}

// joinDashC turns ["-c", "a=b"] into ["a=b"], leaving "-ca=b" and "a=b" as they come.
func joinDashC(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		if args[i] == "-c" && i+1 < len(args) {
			out = append(out, args[i+1])
			i++
			continue
		}
		out = append(out, args[i])
	}
	return out
}

// checkComposeConnections does the same for compose: one server process runs all four services
// (SERVICES unset), each with its own pools, sized by SQL_MAX_CONNS and SQL_VIS_MAX_CONNS (the
// server image's defaults 20 and 10).
func checkComposeConnections(r *report, temporalEnv map[string]string, pgCommand []string) {
	maxConns, reserved := pgLimits(joinDashC(pgCommand))
	count := func(name string, byDefault int) int {
		if v, ok := temporalEnv[name]; ok {
			n, err := strconv.Atoi(v)
			if err != nil || n <= 0 {
				r.addf(composeFile, "service temporal: %s %q is not a positive number", name, v)
			}
			return n
		}
		return byDefault
	}
	perService := count("SQL_MAX_CONNS", 20) + count("SQL_VIS_MAX_CONNS", 10)
	n := 4
	if s := temporalEnv["SERVICES"]; s != "" {
		n = len(splitList(s))
	}
	if total, room := n*perService, maxConns-reserved-oneOffConnections; total > room {
		r.addf(composeFile, "service temporal: its pools can open %d PostgreSQL connections (%d services x (SQL_MAX_CONNS + SQL_VIS_MAX_CONNS = %d)), more than the %d that max_connections %d leaves after %d for superusers and %d for temporal-schema and a psql", total, n, perService, room, maxConns, reserved, oneOffConnections)
	}
}
