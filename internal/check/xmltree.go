package check

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// node is a parsed XML element; only local names are kept (every part of
// a .docx uses one namespace per prefix, and the rules read w: names).
type node struct {
	name string
	attr map[string]string
	kids []*node
	text string // character data directly inside
}

// parseXML reads a whole part into a tree, with at most maxNodes elements
// so a hostile part cannot take unbounded memory.
func parseXML(r io.Reader, maxNodes int) (*node, error) {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	root := &node{name: "#root"}
	stack := []*node{root}
	n := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("xml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n++
			if n > maxNodes {
				return nil, fmt.Errorf("xml: more than %d elements", maxNodes)
			}
			e := &node{name: t.Name.Local}
			if len(t.Attr) > 0 {
				e.attr = make(map[string]string, len(t.Attr))
				for _, a := range t.Attr {
					e.attr[a.Name.Local] = a.Value
				}
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, e)
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top := stack[len(stack)-1]
			if top.name == "t" || top.name == "instrText" {
				top.text += string(t)
			}
		}
	}
	return root, nil
}

func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (n *node) children(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

func (n *node) val(name string) (string, bool) {
	if n == nil || n.attr == nil {
		return "", false
	}
	v, ok := n.attr[name]
	return v, ok
}

// instr gathers the field instructions under n (instrText and fldSimple).
func (n *node) instr() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(e *node) {
		if e.name == "instrText" {
			b.WriteString(e.text + " ")
		}
		if e.name == "fldSimple" {
			v, _ := e.val("instr")
			b.WriteString(v + " ")
		}
		for _, k := range e.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}
