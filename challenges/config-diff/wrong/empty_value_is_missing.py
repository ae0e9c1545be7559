# Tests presence with truthiness, so a setting whose value is "" counts as
# missing: an empty value added is dropped, and "" -> "on" looks like an add.
class Solution:
    def diffConfig(self, before: Dict[str, str], after: Dict[str, str]) -> List[str]:
        lines = []
        for name in sorted(before.keys() | after.keys()):
            old, new = before.get(name), after.get(name)
            if not old and new:
                lines.append(f"+{name}={new}")
            elif old and not new:
                lines.append(f"-{name}")
            elif old and new and old != new:
                lines.append(f"~{name}: {old} -> {new}")
        return lines
