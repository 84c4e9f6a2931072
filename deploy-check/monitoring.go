package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"

	monitoringv1 "github.com/prometheus-operator/prometheus-operator/pkg/apis/monitoring/v1"
	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
	"sigs.k8s.io/yaml"
)

// The alerts and the dashboard as Prometheus and Grafana load them; k8s/monitoring/ ships the same
// for the Prometheus Operator and Grafana's sidecar (README.md, "Metrics and alerts").
const (
	rulesFile     = "monitoring/ticketing-alerts.rules.yml"
	dashboardFile = "monitoring/ticketing-dashboard.json"
	alertsSection = "### Metrics and alerts"
)

// The annotations every alert carries, so whoever is paged reads what happened and where to start.
var alertAnnotations = []string{"summary", "description", "runbook_url"}

var promql = parser.NewParser(parser.Options{})

// checkMonitoring checks the alert rules and the dashboard: every expression parses with Prometheus'
// own parser, the rules load as promtool loads them, the Kubernetes objects hold the same as the
// plain files, README.md's alert table is in the rules, and each task queue has an alert for no
// workers. It answers every metric name the expressions select, for a test to compare with what the
// apps export (go run . -metrics ..).
func checkMonitoring(r *report, m *manifests, queues []string) []string {
	// Read, not checked as a deployment file: it names paths outside what deploy-check reads.
	var readme []string
	if data, err := os.ReadFile(r.path("README.md")); err != nil {
		r.addf("README.md", "cannot read: %v", err)
	} else {
		readme = strings.Split(string(data), "\n")
	}
	names := map[string]bool{}
	exprs := checkRules(r, m, readme, names)
	for _, e := range checkDashboard(r, m) {
		if err := metricNames(e, names); err != nil {
			r.addf(dashboardFile, "%v", err)
		}
	}
	checkReadmeAlerts(r, readme, exprs)
	for _, q := range queues {
		absent := fmt.Sprintf(`absent(temporal_num_pollers{task_queue=%q})`, q)
		if !slices.Contains(exprs, normalized(absent)) {
			r.addf(rulesFile, "no alert for the %s queue having no worker: %s", q, absent)
		}
	}
	return sortedKeys(names)
}

// checkRules loads the rules file as promtool check rules does, holds each alert to the annotations
// and a runbook in README.md, and compares the PrometheusRule's groups with the file's. It answers
// the rules' expressions, normalized.
func checkRules(r *report, m *manifests, readme []string, names map[string]bool) []string {
	data, ok := r.read(rulesFile)
	if !ok {
		return nil
	}
	groups, errs := rulefmt.Parse(data, false, model.UTF8Validation, promql, slog.New(slog.DiscardHandler))
	for _, err := range errs {
		r.addf(rulesFile, "%v", err)
	}
	if groups == nil {
		return nil
	}
	var exprs []string
	for _, g := range groups.Groups {
		for _, rule := range g.Rules {
			who := "alert " + rule.Alert
			if rule.Alert == "" {
				who = "record " + rule.Record
			}
			if err := metricNames(rule.Expr, names); err != nil && len(errs) == 0 {
				r.addf(rulesFile, "%v", err) // a parse error is rulefmt's to tell
			}
			exprs = append(exprs, normalized(rule.Expr))
			if rule.Alert == "" {
				continue
			}
			if rule.For == 0 {
				r.addf(rulesFile, "%s has no for: a single scrape would page", who)
			}
			if rule.Labels["severity"] == "" {
				r.addf(rulesFile, "%s has no severity label", who)
			}
			for _, a := range alertAnnotations {
				if rule.Annotations[a] == "" {
					r.addf(rulesFile, "%s has no %s annotation", who, a)
				}
			}
			if url := rule.Annotations["runbook_url"]; url != "" && !hasAnchor(readme, url) {
				r.addf(rulesFile, "%s: runbook_url %s is not README.md#<a heading of README.md>", who, url)
			}
		}
	}
	checkPrometheusRules(r, m, data)
	return exprs
}

// checkPrometheusRules compares each PrometheusRule's spec.groups with the rules file's groups, as
// data, so the two can't drift apart.
func checkPrometheusRules(r *report, m *manifests, data []byte) {
	var file struct {
		Groups []any `json:"groups"`
	}
	if err := yaml.Unmarshal(data, &file); err != nil {
		return // reported by checkRules
	}
	found := false
	for _, o := range m.objects {
		rule, ok := o.obj.(*monitoringv1.PrometheusRule)
		if !ok {
			continue
		}
		found = true
		spec, _ := json.Marshal(rule.Spec.Groups)
		var groups []any
		if err := json.Unmarshal(spec, &groups); err != nil {
			panic(err)
		}
		if !reflect.DeepEqual(groups, file.Groups) {
			r.addf(o.file, "%s: spec.groups differ from the groups of %s; copy them over", o, rulesFile)
		}
	}
	if !found {
		r.addf("k8s", "no PrometheusRule holds the groups of %s", rulesFile)
	}
}

// dashboard is what deploy-check reads of a Grafana dashboard: its panels, rows nesting theirs.
type dashboard struct {
	Panels []panel `json:"panels"`
}

type panel struct {
	Title   string  `json:"title"`
	Panels  []panel `json:"panels"`
	Targets []struct {
		Expr string `json:"expr"`
	} `json:"targets"`
}

// checkDashboard reads the dashboard, checks that a ConfigMap labelled for Grafana's sidecar holds
// the same JSON, and answers every panel's query.
func checkDashboard(r *report, m *manifests) []string {
	data, ok := r.read(dashboardFile)
	if !ok {
		return nil
	}
	var d dashboard
	if err := json.Unmarshal(data, &d); err != nil {
		r.addf(dashboardFile, "not JSON: %v", err)
		return nil
	}
	var exprs []string
	var walk func([]panel)
	walk = func(panels []panel) {
		for _, p := range panels {
			for _, t := range p.Targets {
				if t.Expr == "" {
					r.addf(dashboardFile, "panel %q has a target without expr", p.Title)
				}
				exprs = append(exprs, t.Expr)
			}
			walk(p.Panels)
		}
	}
	walk(d.Panels)
	key := dashboardFile[strings.LastIndex(dashboardFile, "/")+1:]
	found := false
	for _, name := range sortedKeys(m.configs) {
		cm := m.configs[name]
		if cm.Labels["grafana_dashboard"] != "1" || cm.Data[key] == "" {
			continue
		}
		found = true
		if !sameJSON([]byte(cm.Data[key]), data) {
			r.addf("k8s", "%s: %s differs from %s; copy it over", describe("ConfigMap", name), key, dashboardFile)
		}
	}
	if !found {
		r.addf("k8s", "no ConfigMap labelled grafana_dashboard: \"1\" holds %s for Grafana's sidecar", key)
	}
	return exprs
}

func sameJSON(a, b []byte) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}

// metricNames parses an expression and adds the name of every metric it selects.
func metricNames(expr string, names map[string]bool) error {
	e, err := promql.ParseExpr(expr)
	if err != nil {
		return fmt.Errorf("%q does not parse: %w", expr, err)
	}
	var pattern error
	parser.Inspect(e, func(node parser.Node, _ []parser.Node) error {
		vs, ok := node.(*parser.VectorSelector)
		if !ok {
			return nil
		}
		for _, m := range vs.LabelMatchers {
			if m.Name != labels.MetricName {
				continue
			}
			if m.Type == labels.MatchEqual {
				names[m.Value] = true
			} else {
				pattern = fmt.Errorf("%q selects metrics by a pattern (%s); name each one", expr, m)
			}
		}
		return nil
	})
	return pattern
}

// normalized is an expression as Prometheus prints it, so spacing doesn't tell two apart.
func normalized(expr string) string {
	e, err := promql.ParseExpr(expr)
	if err != nil {
		return expr
	}
	return e.String()
}

var (
	codeSpan = regexp.MustCompile("`([^`]+)`")
	heading  = regexp.MustCompile(`^#+ (.*)$`)
)

// checkReadmeAlerts holds README.md's alert table to the rules: every PromQL it shows is a rule's.
func checkReadmeAlerts(r *report, readme []string, exprs []string) {
	rows := 0
	for _, line := range section(readme, alertsSection) {
		// A table cell writes | as \|.
		cells := strings.Split(strings.ReplaceAll(line, `\|`, "\x00"), "|")
		if len(cells) < 4 || strings.TrimSpace(cells[1]) == "what" || strings.HasPrefix(strings.TrimSpace(cells[1]), "---") {
			continue
		}
		rows++
		for _, span := range codeSpan.FindAllStringSubmatch(strings.ReplaceAll(cells[2], "\x00", "|"), -1) {
			if _, err := promql.ParseExpr(span[1]); err != nil {
				r.addf("README.md", "%q in the alert table does not parse: %v", span[1], err)
			} else if !slices.Contains(exprs, normalized(span[1])) {
				r.addf("README.md", "the alert table's %s is no rule of %s", span[1], rulesFile)
			}
		}
	}
	if rows == 0 {
		r.addf("README.md", "section %q has no alert table", alertsSection)
	}
}

// section answers the lines under a heading, up to the next heading.
func section(lines []string, title string) []string {
	start := slices.Index(lines, title)
	if start < 0 {
		return nil
	}
	end := start + 1
	for end < len(lines) && !heading.MatchString(lines[end]) {
		end++
	}
	return lines[start+1 : end]
}

// hasAnchor tells whether a link is README.md#anchor with the anchor of one of README.md's
// headings, made as GitHub makes it.
func hasAnchor(readme []string, link string) bool {
	anchor, ok := strings.CutPrefix(link, "README.md#")
	if !ok {
		return false
	}
	for _, line := range readme {
		if h := heading.FindStringSubmatch(line); h != nil && slug(h[1]) == anchor {
			return true
		}
	}
	return false
}

func slug(title string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(title) {
		switch {
		case c == ' ':
			b.WriteRune('-')
		case c == '-' || c == '_' || ('a' <= c && c <= 'z') || ('0' <= c && c <= '9'):
			b.WriteRune(c)
		}
	}
	return b.String()
}
