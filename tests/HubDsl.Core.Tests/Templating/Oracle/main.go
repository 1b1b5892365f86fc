// Oracle: runs Go text/template + sprig with Argo CD's function map changes over JSON cases.
// stdin: [{"t": template, "d": data, "m": "missingkey=..." or ""}]; stdout: [{"out","perr","eerr"}].
// Data convention: JSON objects with a "$ss" key become map[string]string; integers become int.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
	"github.com/gosimple/slug"
	"sigs.k8s.io/yaml"
)

func SanitizeName(name string) string {
	invalid := regexp.MustCompile("[^-a-z0-9.]")
	name = strings.ToLower(name)
	name = invalid.ReplaceAllString(name, "-")
	if len(name) > 253 {
		name = name[:253]
	}
	return strings.Trim(name, "-.")
}

func SlugifyName(args ...any) string {
	maxSize := 50
	smart := true
	name := ""
	for idx, arg := range args {
		switch idx {
		case len(args) - 1:
			name = arg.(string)
		case 0:
			maxSize = arg.(int)
		case 1:
			smart = arg.(bool)
		}
	}
	slug.EnableSmartTruncate = smart
	slug.MaxLength = maxSize
	return slug.Make(SanitizeName(name))
}

func toYAML(v any) (string, error) {
	data, err := yaml.Marshal(v)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(data), "\n"), nil
}
func fromYAML(str string) (map[string]any, error) {
	m := map[string]any{}
	if err := yaml.Unmarshal([]byte(str), &m); err != nil {
		return nil, err
	}
	return m, nil
}
func fromYAMLArray(str string) ([]any, error) {
	a := []any{}
	if err := yaml.Unmarshal([]byte(str), &a); err != nil {
		return nil, err
	}
	return a, nil
}

func convert(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil && !strings.ContainsAny(string(x), ".eE") {
			return int(i)
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		if _, ok := x["$ss"]; ok {
			m := map[string]string{}
			for k, e := range x {
				if k != "$ss" {
					m[k] = e.(string)
				}
			}
			return m
		}
		m := map[string]any{}
		for k, e := range x {
			m[k] = convert(e)
		}
		return m
	case []any:
		for i := range x {
			x[i] = convert(x[i])
		}
		return x
	}
	return v
}

type Case struct {
	T string          `json:"t"`
	D json.RawMessage `json:"d"`
	M string          `json:"m"`
}
type Result struct {
	Out  string `json:"out"`
	Perr string `json:"perr,omitempty"`
	Eerr string `json:"eerr,omitempty"`
}

func main() {
	fm := sprig.GenericFuncMap()
	delete(fm, "env")
	delete(fm, "expandenv")
	delete(fm, "getHostByName")
	fm["normalize"] = SanitizeName
	fm["slugify"] = SlugifyName
	fm["toYaml"] = toYAML
	fm["fromYaml"] = fromYAML
	fm["fromYamlArray"] = fromYAMLArray
	var cases []Case
	dec := json.NewDecoder(os.Stdin)
	if err := dec.Decode(&cases); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	results := make([]Result, 0, len(cases))
	for _, c := range cases {
		var data any
		if len(c.D) > 0 {
			d := json.NewDecoder(strings.NewReader(string(c.D)))
			d.UseNumber()
			if err := d.Decode(&data); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			data = convert(data)
		}
		r := Result{}
		t := template.New("base").Funcs(fm)
		if c.M != "" {
			t = t.Option(c.M)
		}
		t, err := t.Parse(c.T)
		if err != nil {
			r.Perr = err.Error()
		} else {
			var sb strings.Builder
			if err := t.Execute(&sb, data); err != nil {
				r.Eerr = err.Error()
			}
			r.Out = sb.String()
		}
		results = append(results, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	enc.Encode(results)
}
