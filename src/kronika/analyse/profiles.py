"""Actor profiles: an entity with its aliases and roles over time."""

from __future__ import annotations

from typing import Any


def render_profile(p: dict[str, Any]) -> str:
    lines = [f"{p['name']}  ({p['type']}, {p['country'] or 'country unknown'}, {p['sector'] or '-'})",
             f"aliases: {', '.join(p['aliases']) or '-'}",
             f"mentions: {p['mentions']} in {p['documents']} documents", "roles:"]
    for r in p["roles"]:
        span = " → ".join(x for x in (r.get("since") or r.get("first_seen"), r.get("until")
                                      or r.get("last_seen")) if x)
        flag = " (former)" if r.get("former") else ""
        lines.append(f"  {span or 'undated':<25} {r['title']} [{r['sector'] or '-'}, "
                     f"{r['country'] or '-'}]{flag}")
    return "\n".join(lines)
