/// Hand-written context cue lists (Swedish municipal writing). The model learns a
/// weight per cue class, so these lists generalise what the training data shows:
/// a role or greeting before a name, an organisation or place word after a surname.
enum NameCues {
    /// Roles, titles and relations that precede a person's name.
    static let role: FlatTable<Bool> = hashes("""
        handläggare handläggaren kontaktperson ordförande ordföranden vice projektledare projektledaren rektor rektorn
        sekreterare sekreteraren justerare ledamot ledamöter ersättare ersättaren närvarande skolsköterska skolsköterskan
        kurator kuratorn socialsekreterare socialsekreteraren biståndshandläggare enhetschef enhetschefen chef chefen
        avdelningschef förvaltningschef kommundirektör kommundirektören samordnare samordnaren lärare läraren mentor
        mentorn sjuksköterska sjuksköterskan undersköterska läkare läkaren överläkare psykolog psykologen utredare
        utredaren assistent assistenten elev eleven eleverna vårdnadshavare vårdnadshavaren förälder föräldern mamma
        pappa mor far modern fadern sonen dottern barnet brukaren klienten patienten sökande sökanden anmälaren
        herr fru dr doktor professor advokat advokaten kommunalråd kommunalrådet konsult sakkunnig talesperson
        vd ombud ombudet god förvaltare kontakt namn avsändare mottagare undertecknad namnförtydligande föredragande
        tjänsteman tjänstemannen boende boendestödjare personlig assistent medarbetare
        """)
    /// Greetings and sign-offs that precede a name.
    static let greeting: FlatTable<Bool> = hashes("hej hejsan hallå hälsningar hälsning mvh vänligen kära bästa tack")
    /// Header labels followed by a colon (`Till:`, `Från:`, `Kopia:`).
    static let header: FlatTable<Bool> = hashes("""
        till från kopia cc kontakt handläggare namn avsändare mottagare ordförande sekreterare justerare justeras
        underskrift namnförtydligande närvarande frånvarande ledamöter ersättare elev vårdnadshavare sökande
        kontaktperson ansvarig deltagare föredragande rektor mentor klassföreståndare
        """)
    /// Conjunctions: what a word is coordinated with tells name from common noun.
    static let conjunction: FlatTable<Bool> = hashes("och eller samt respektive")
    /// Legal-form words (`AB`, `HB`, `Ltd`): never part of a person's name, so they end a
    /// candidate run and the word before them sees them as an organisation cue.
    static let legalForm: FlatTable<Bool> = hashes("ab hb kb aktiebolag handelsbolag kommanditbolag inc ltd gmbh oy plc llc")
    /// Words after a capitalised word that make it an organisation or a place.
    static let organisation: FlatTable<Bool> = hashes("""
        ab hb kb aktiebolag kommun kommuns län läns stad stads förvaltning förvaltningen region regionen regions
        landsting stiftelse stiftelsen förening föreningen kyrka kyrkan församling skola skolan skolas förskola förskolan
        gymnasium gymnasiet sjukhus sjukhuset vårdcentral vårdcentralen bygg fastigheter konsult konsulting invest group
        gruppen inc ltd oy gmbh as asa bank banken universitet högskola högskolan institutet nämnd nämnden styrelse
        styrelsen gata gatan väg vägen torg torget park parken plan hall hallen center centrum arena bolag bolaget
        partners advokatbyrå revision
        """)

    private static func hashes(_ words: String) -> FlatTable<Bool> {
        var table: [UInt64: Bool] = [:]
        for w in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) { table[FNV1a.hash(bytes: NameText.lowercased(String(w)))] = true }
        return FlatTable(table, empty: false)
    }
}
