#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves uid and gid to user and group names, once per id: on a municipal server
/// each lookup may go to LDAP or Active Directory, so the writer caches every answer
/// (including "unknown"). Not thread-safe: owned by the report writer's thread.
final class OwnerNames {
    private var users: [UInt32: String?] = [:]
    private var groups: [UInt32: String?] = [:]

    func userName(_ uid: UInt32?) -> String? {
        guard let uid else { return nil }
        if let known = users[uid] { return known }
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let name: String? = getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0 && result != nil
            ? String(cString: entry.pw_name) : nil
        users[uid] = name
        return name
    }

    func groupName(_ gid: UInt32?) -> String? {
        guard let gid else { return nil }
        if let known = groups[gid] { return known }
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        let name: String? = getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0 && result != nil
            ? String(cString: entry.gr_name) : nil
        groups[gid] = name
        return name
    }
}
