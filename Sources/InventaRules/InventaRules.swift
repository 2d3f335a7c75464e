/// InventaRules: loads and validates the rule files in `Rules/` into a typed rule
/// set. Errors name the file, the rule id and the field. No detection happens here.
public enum InventaRules {}
