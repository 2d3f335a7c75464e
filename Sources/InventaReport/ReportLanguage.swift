/// Labels for the reports people read (HTML and XLSX): Swedish by default, English
/// with `--lang en`. Column keys are the JSON Lines field names; unknown keys show as is.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case sv, en

    public func label(_ key: String) -> String { label(key, fallback: key) }

    public func label(_ key: String, fallback: String) -> String {
        let pair = ReportLanguage.labels[key]
        switch self {
        case .sv: return pair?.0 ?? fallback
        case .en: return pair?.1 ?? fallback
        }
    }

    static let labels: [String: (String, String)] = [
        // Columns.
        "department": ("Förvaltning", "Department"), "root": ("Rot", "Root"), "path": ("Sökväg", "Path"),
        "format": ("Format", "Format"), "status": ("Status", "Status"), "reason": ("Orsak", "Reason"),
        "risk": ("Risk", "Risk"), "findings": ("Fynd", "Findings"), "categories": ("Kategorier", "Categories"), "counts": ("Kategorier", "Categories"),
        "size": ("Storlek (byte)", "Size (bytes)"), "owner": ("Ägare", "Owner"), "modified": ("Ändrad", "Modified"),
        "files": ("Filer", "Files"), "with_personal_data": ("Med personuppgifter", "With personal data"),
        "high_risk": ("Hög risk", "High risk"), "medium_risk": ("Medelhög risk", "Medium risk"),
        "problems": ("Problem", "Problems"), "bytes": ("Byte", "Bytes"),
        "oldest_with_personal_data": ("Äldsta med personuppgifter", "Oldest with personal data"),
        "age_years": ("Ålder (år)", "Age (years)"), "change": ("Förändring", "Change"),
        "findings_before": ("Fynd före", "Findings before"), "findings_after": ("Fynd efter", "Findings after"),
        "risk_before": ("Risk före", "Risk before"), "risk_after": ("Risk efter", "Risk after"),
        "section": ("Avsnitt", "Section"), "key": ("Nyckel", "Key"), "count": ("Antal", "Count"),
        "category": ("Kategori", "Category"), "masked": ("Maskerat värde", "Masked value"),
        "location": ("Plats", "Location"), "confidence": ("Säkerhet", "Confidence"), "level": ("Nivå", "Level"),
        "rule": ("Regel", "Rule"), "value": ("Värde", "Value"), "evidence": ("Belägg", "Evidence"),
        "ocr_pages": ("OCR-lästa sidor", "Pages read by OCR"), "ocr_skipped": ("Sidor ej OCR-lästa (gräns)", "Pages not read by OCR (limit)"),
        "ocr_unreadable": ("Sidor för otydliga", "Pages too poor to trust"),
        // Values.
        "value.none": ("ingen", "none"), "value.low": ("låg", "low"), "value.medium": ("medel", "medium"),
        "value.high": ("hög", "high"), "value.new": ("ny", "new"), "value.resolved": ("åtgärdad", "resolved"),
        "value.resolved (removed)": ("åtgärdad (borttagen)", "resolved (removed)"), "value.changed": ("ändrad", "changed"),
        "value.scanned": ("undersökt", "scanned"), "value.skipped": ("överhoppad", "skipped"), "value.failed": ("misslyckad", "failed"),
        // Sheets and headings.
        "sheet.summary": ("Sammanfattning", "Summary"), "sheet.departments": ("Förvaltningar", "Departments"),
        "sheet.files": ("Filer med personuppgifter", "Files with personal data"),
        "sheet.findings": ("Fynd", "Findings"), "sheet.problems": ("Problem", "Problems"),
        "sheet.retention": ("Gallring", "Retention"), "sheet.diff": ("Förändringar", "Changes"),
        "title": ("Personuppgifter på filytor", "Personal data on file shares"),
        "scan": ("Skanning", "Scan"), "generated": ("Skapad", "Generated"),
        "kpi.files": ("filer undersökta", "files examined"),
        "kpi.personal": ("filer med personuppgifter", "files with personal data"),
        "kpi.high": ("filer med hög risk", "high-risk files"),
        "kpi.problems": ("filer som inte kunde läsas helt", "files not fully read"),
        "kpi.retention": ("filer med personuppgifter äldre än 5 år", "files with personal data older than 5 years"),
        "chart.categories": ("Fynd per kategori", "Findings per category"),
        "chart.departments": ("Filer med personuppgifter per förvaltning", "Files with personal data per department"),
        "legend.high": ("varav hög risk", "of which high risk"),
        "h.high": ("Filer med hög risk", "High-risk files"),
        "h.retention": ("Gallringskandidater: personuppgifter som inte ändrats på 5 år", "Retention candidates: personal data not modified for 5 years"),
        "h.diff": ("Förändringar sedan föregående skanning", "Changes since the previous scan"),
        "h.problems": ("Problem: filer som inte undersöktes helt", "Problems: files not fully examined"),
        "shown": ("Visar %1 av %2 rader; hela listan: inventa report %3", "Showing %1 of %2 rows; full list: inventa report %3"),
        "none": ("Inga.", "None."),
        "masked.note": ("Rapporten visar bara maskerade värden. Klicka på en kolumnrubrik för att sortera.",
                        "This report shows masked values only. Click a column heading to sort."),
        "cleartext.warning": ("VARNING: Skanningen gjordes med --store-values. Rapportfilen innehåller personuppgifter i klartext. Hantera den därefter och radera den när den inte behövs.",
                              "WARNING: The scan ran with --store-values. The report file holds personal data in clear text. Handle it accordingly and delete it when no longer needed."),
        "interrupted.warning": ("Skanningen är inte avslutad (%1): rapporten visar det som hunnit undersökas. Fortsätt med inventa scan --resume.",
                                "The scan did not complete (%1): the report shows what was examined so far. Continue with inventa scan --resume."),
    ]
}
