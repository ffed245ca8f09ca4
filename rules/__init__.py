"""The built-in rules; installed as the package checker.builtin_rules so they ship with numlint."""
