package main

import (
	"slices"
	"strings"
	"testing"
)

func TestListsTheMetricsTheAlertsAndTheDashboardSelect(t *testing.T) {
	r := run(repoRoot)
	for _, name := range []string{
		"temporal_activity_schedule_to_start_latency_seconds_bucket", // an alert's
		"ticketing_reservations_refused_total",                       // the dashboard's only
		"kube_deployment_status_replicas_unavailable",
	} {
		if !slices.Contains(r.metrics, name) {
			t.Errorf("%s is not among %v", name, r.metrics)
		}
	}
	if !slices.IsSorted(r.metrics) || len(slices.Compact(slices.Clone(r.metrics))) != len(r.metrics) {
		t.Errorf("not sorted and unique: %v", r.metrics)
	}
}

func TestReportsBrokenMonitoring(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, dir string)
		want   string // a problem containing this must be reported
	}{
		{"an alert that does not parse", func(t *testing.T, dir string) {
			edit(t, dir, rulesFile, "(ticketing_store_up) == 0", "(ticketing_store_up) === 0")
		}, `"TicketingStoreDown": could not parse expression`},
		{"a dashboard query that does not parse", func(t *testing.T, dir string) {
			edit(t, dir, dashboardFile, "sum by (instance) (jvm_threads_live_threads)", "sum by (instance) (jvm_threads_live_threads")
		}, `monitoring/ticketing-dashboard.json: "sum by (instance) (jvm_threads_live_threads" does not parse`},
		{"an alert without for", func(t *testing.T, dir string) {
			edit(t, dir, rulesFile, "(ticketing_store_up) == 0'\n        for: 1m\n", "(ticketing_store_up) == 0'\n")
		}, "alert TicketingStoreDown has no for"},
		{"an alert without a runbook", func(t *testing.T, dir string) {
			edit(t, dir, rulesFile, "runbook_url: README.md#metrics-and-alerts", "runbook_url: README.md#metrics")
		}, "runbook_url README.md#metrics is not README.md#<a heading of README.md>"},
		{"a PrometheusRule that drifted from the rules file", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/monitoring/ticketing-alerts.yaml", "for: 1m", "for: 2m")
		}, "PrometheusRule/ticketing-alerts: spec.groups differ from the groups of monitoring/ticketing-alerts.rules.yml"},
		{"a dashboard ConfigMap that drifted from the JSON", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/monitoring/ticketing-dashboard.yaml", "jvm_threads_live_threads", "jvm_threads_peak_threads")
		}, "ConfigMap/ticketing-dashboard: ticketing-dashboard.json differs from monitoring/ticketing-dashboard.json"},
		{"a dashboard without the sidecar's label", func(t *testing.T, dir string) {
			edit(t, dir, "k8s/monitoring/ticketing-dashboard.yaml", `    grafana_dashboard: "1"`, `    grafana_dashboard: "0"`)
		}, `no ConfigMap labelled grafana_dashboard: "1" holds ticketing-dashboard.json`},
		{"README's alert table showing a query no rule has", func(t *testing.T, dir string) {
			edit(t, dir, "README.md", "`min by (domain) (ticketing_store_up) == 0`", "`max by (domain) (ticketing_store_up) == 0`")
		}, "README.md: the alert table's max by (domain) (ticketing_store_up) == 0 is no rule"},
		{"a task queue without its no-workers alert", func(t *testing.T, dir string) {
			edit(t, dir, rulesFile, `absent(temporal_num_pollers{task_queue="payouts"})`, `absent(temporal_num_pollers{task_queue="payout"})`)
		}, `no alert for the payouts queue having no worker`},
		{"a metric chosen by a pattern", func(t *testing.T, dir string) {
			edit(t, dir, dashboardFile, "sum by (instance) (jvm_threads_live_threads)", `sum by (instance) ({__name__=~\"jvm_threads_.*\"})`)
		}, "selects metrics by a pattern"},
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
