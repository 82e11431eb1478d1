// Command market-pod-security checks every pod in a stream of Kubernetes manifests (`helm template` output) against
// a Pod Security Standards level with the checks of the Kubernetes API server's own PodSecurity admission plugin
// (k8s.io/pod-security-admission), so the verdict is the one a namespace labelled
// pod-security.kubernetes.io/enforce=<level> would give.
//
//	helm template … | market-pod-security [-level restricted] [-version latest]
//
// It prints one JSON object a line per pod-bearing resource: {"kind","name","allowed","forbidden":[…]}, and exits
// 1 when a pod is refused, 2 on bad input. Pods come from Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job
// and CronJob (its job template).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/pod-security-admission/api"
	"k8s.io/pod-security-admission/policy"
	"sigs.k8s.io/yaml"
)

type meta struct {
	Kind     string `json:"kind"`
	Metadata struct {
		Name string `json:"name"`
	} `json:"metadata"`
}

type result struct {
	Kind      string   `json:"kind"`
	Name      string   `json:"name"`
	Allowed   bool     `json:"allowed"`
	Forbidden []string `json:"forbidden"`
}

// podOf returns the pod template of a pod-bearing resource, or nil for any other kind.
func podOf(kind string, doc []byte) (*corev1.PodTemplateSpec, error) {
	var err error
	switch kind {
	case "Pod":
		var p corev1.Pod
		err = yaml.Unmarshal(doc, &p)
		return &corev1.PodTemplateSpec{ObjectMeta: p.ObjectMeta, Spec: p.Spec}, err
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job":
		var w struct {
			Spec struct {
				Template corev1.PodTemplateSpec `json:"template"`
			} `json:"spec"`
		}
		err = yaml.Unmarshal(doc, &w)
		return &w.Spec.Template, err
	case "CronJob":
		var c struct {
			Spec struct {
				JobTemplate struct {
					Spec struct {
						Template corev1.PodTemplateSpec `json:"template"`
					} `json:"spec"`
				} `json:"jobTemplate"`
			} `json:"spec"`
		}
		err = yaml.Unmarshal(doc, &c)
		return &c.Spec.JobTemplate.Spec.Template, err
	}
	return nil, nil
}

// splitDocs splits a multi-document YAML stream on `---` lines.
func splitDocs(r io.Reader) ([][]byte, error) {
	var docs [][]byte
	var cur bytes.Buffer
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "---") && strings.TrimSpace(strings.TrimLeft(line, "-")) == "" ||
			strings.HasPrefix(line, "--- #") {
			docs = append(docs, bytes.Clone(cur.Bytes()))
			cur.Reset()
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	docs = append(docs, cur.Bytes())
	return docs, sc.Err()
}

func run() (int, error) {
	level := flag.String("level", "restricted", "privileged | baseline | restricted")
	version := flag.String("version", "latest", "Pod Security Standards version, e.g. v1.30 or latest")
	flag.Parse()
	lvl, err := api.ParseLevel(*level)
	if err != nil {
		return 2, fmt.Errorf("-level: %w", err)
	}
	ver, err := api.ParseVersion(*version)
	if err != nil {
		return 2, fmt.Errorf("-version: %w", err)
	}
	evaluator, err := policy.NewEvaluator(policy.DefaultChecks(), nil)
	if err != nil {
		return 2, err
	}
	docs, err := splitDocs(os.Stdin)
	if err != nil {
		return 2, err
	}
	out := json.NewEncoder(os.Stdout)
	code, pods := 0, 0
	for _, doc := range docs {
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		var m meta
		if err := yaml.Unmarshal(doc, &m); err != nil {
			return 2, fmt.Errorf("not YAML: %w", err)
		}
		tpl, err := podOf(m.Kind, doc)
		if err != nil {
			return 2, fmt.Errorf("%s %s: %w", m.Kind, m.Metadata.Name, err)
		}
		if tpl == nil {
			continue
		}
		pods++
		agg := policy.AggregateCheckResults(evaluator.EvaluatePod(
			api.LevelVersion{Level: lvl, Version: ver}, &tpl.ObjectMeta, &tpl.Spec))
		res := result{Kind: m.Kind, Name: m.Metadata.Name, Allowed: agg.Allowed, Forbidden: []string{}}
		if !agg.Allowed {
			code = 1
			for i, reason := range agg.ForbiddenReasons {
				if detail := agg.ForbiddenDetails[i]; detail != "" {
					reason += " (" + detail + ")"
				}
				res.Forbidden = append(res.Forbidden, reason)
			}
		}
		if err := out.Encode(res); err != nil {
			return 2, err
		}
	}
	if pods == 0 {
		return 2, errors.New("no pod-bearing resource in the input")
	}
	return code, nil
}

func main() {
	code, err := run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "market-pod-security:", err)
	}
	os.Exit(code)
}
