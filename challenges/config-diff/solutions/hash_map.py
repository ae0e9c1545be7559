class Solution:
    def diffConfig(self, before: Dict[str, str], after: Dict[str, str]) -> List[str]:
        lines = []
        for name in sorted(before.keys() | after.keys()):
            if name not in before:
                lines.append(f"+{name}={after[name]}")
            elif name not in after:
                lines.append(f"-{name}")
            elif before[name] != after[name]:
                lines.append(f"~{name}: {before[name]} -> {after[name]}")
        return lines
