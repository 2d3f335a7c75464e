/// InventaCorpus: writes synthetic municipal file shares with ground truth, and
/// compares scan results with that truth for `inventa bench`.
public enum InventaCorpus {}
