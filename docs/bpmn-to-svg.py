#!/usr/bin/env python3
"""Draws a BPMN model as SVG from its diagram interchange (the shapes and edges Camunda Modeler saves).

Usage: docs/bpmn-to-svg.py processes/src/main/resources/bpmn/bpf-lifecycle.bpmn > docs/bpf-lifecycle.svg
Only the elements the project uses are drawn: events, tasks, gateways, boundary timers, sequence flows.
"""
import sys
import xml.etree.ElementTree as ET
from html import escape

NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL", "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
      "dc": "http://www.omg.org/spec/DD/20100524/DC", "di": "http://www.omg.org/spec/DD/20100524/DI"}


def wrap(text, width):
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    return lines + ([line] if line else [])


def text_block(x, y, text, width, size=12, anchor="middle"):
    lines = wrap(text, width)
    out = []
    for i, line in enumerate(lines):
        dy = (i - (len(lines) - 1) / 2) * (size + 2)
        out.append(f'<text x="{x}" y="{y + dy + size / 3:.1f}" font-size="{size}" text-anchor="{anchor}">{escape(line)}</text>')
    return "".join(out)


def main(path):
    root = ET.parse(path).getroot()
    elements = {e.get("id"): e for e in root.iter() if e.get("id")}
    shapes, edges, xs, ys = [], [], [], []
    for shape in root.iter(f"{{{NS['bpmndi']}}}BPMNShape"):
        b = shape.find("dc:Bounds", NS)
        x, y, w, h = (float(b.get(k)) for k in ("x", "y", "width", "height"))
        xs += [x, x + w]
        ys += [y, y + h + 30]
        element = elements[shape.get("bpmnElement")]
        kind = element.tag.split("}")[1]
        name = element.get("name", "")
        cx, cy = x + w / 2, y + h / 2
        if kind in ("startEvent", "endEvent", "boundaryEvent"):
            stroke = 3 if kind == "endEvent" else 1.5
            shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{w / 2}" fill="white" stroke="black" stroke-width="{stroke}"/>')
            if kind == "boundaryEvent":
                shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{w / 2 - 3}" fill="none" stroke="black"/>')
                shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{w / 2 - 8}" fill="white" stroke="black"/>')
                shapes.append(f'<path d="M{cx} {cy - 7} V{cy} L{cx + 5} {cy + 3}" fill="none" stroke="black"/>')
            shapes.append(text_block(cx, y + h + 14, name, 16, 11))
        elif kind == "exclusiveGateway":
            shapes.append(f'<path d="M{cx} {y} L{x + w} {cy} L{cx} {y + h} L{x} {cy} Z" fill="white" stroke="black" stroke-width="1.5"/>')
            shapes.append(f'<path d="M{cx - 8} {cy - 8} L{cx + 8} {cy + 8} M{cx + 8} {cy - 8} L{cx - 8} {cy + 8}" stroke="black" stroke-width="3"/>')
            shapes.append(text_block(cx, y - 12, name, 24, 11))
        else:
            fill = "#fff8e1" if kind == "userTask" else "#e8f1fb"
            shapes.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="10" fill="{fill}" stroke="black" stroke-width="1.5"/>')
            marker = "user" if kind == "userTask" else "service"
            shapes.append(f'<text x="{x + 6}" y="{y + 13}" font-size="9" fill="#555">{marker}</text>')
            shapes.append(text_block(cx, cy + 4, name, 14))
    for edge in root.iter(f"{{{NS['bpmndi']}}}BPMNEdge"):
        points = [(float(p.get("x")), float(p.get("y"))) for p in edge.findall("di:waypoint", NS)]
        xs += [p[0] for p in points]
        ys += [p[1] for p in points]
        d = " ".join(f"{'M' if i == 0 else 'L'}{x} {y}" for i, (x, y) in enumerate(points))
        flow = elements[edge.get("bpmnElement")]
        dashed = ' stroke-dasharray="5 3"' if flow.find("bpmn:conditionExpression", NS) is not None else ""
        edges.append(f'<path d="{d}" fill="none" stroke="black" marker-end="url(#arrow)"{dashed}/>')
        label = edge.find("bpmndi:BPMNLabel/dc:Bounds", NS)
        if flow.get("name") and label is not None:
            edges.append(f'<text x="{float(label.get("x"))}" y="{float(label.get("y")) + 11}" font-size="11" '
                         f'font-style="italic">{escape(flow.get("name"))}</text>')
    minx, miny, maxx, maxy = min(xs) - 20, min(ys) - 40, max(xs) + 20, max(ys) + 20
    print(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{minx} {miny} {maxx - minx} {maxy - miny}" '
          f'width="{maxx - minx}" height="{maxy - miny}" font-family="Helvetica, Arial, sans-serif">')
    print('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">'
          '<path d="M0 0 L10 5 L0 10 Z"/></marker></defs>')
    print(f'<rect x="{minx}" y="{miny}" width="{maxx - minx}" height="{maxy - miny}" fill="white"/>')
    print("\n".join(edges))
    print("\n".join(shapes))
    print("</svg>")


if __name__ == "__main__":
    main(sys.argv[1])
