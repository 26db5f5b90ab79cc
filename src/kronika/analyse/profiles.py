"""Actor profiles: an entity with its aliases and roles over time."""

from __future__ import annotations

from kronika.store.stored import StoredEntity


def render_profile(p: StoredEntity) -> str:
    lines = [f"{p.name}  ({p.type}, {p.country or 'country unknown'}, {p.sector or '-'})",
             f"aliases: {', '.join(p.aliases) or '-'}",
             f"mentions: {p.mentions} in {p.documents} documents", "roles:"]
    for r in p.roles:
        span = " → ".join(x for x in (r.since or r.first_seen, r.until or r.last_seen) if x)
        flag = " (former)" if r.former else ""
        lines.append(f"  {span or 'undated':<25} {r.title} [{r.sector or '-'}, {r.country or '-'}]{flag}")
    return "\n".join(lines)
