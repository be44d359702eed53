import Foundation

extension Workspace {
    /// The largest logo or stylesheet a workspace may give: they are embedded in every edition.
    static let lookFileLimit = 512 * 1024

    /// The edition options `scorecard.yaml` asks for: formats, language, title, introduction, and the
    /// logo and stylesheet read from their files (regular files inside the workspace, at most 512 KB).
    /// - Throws: `WorkspaceMissing` (exit 66) naming the file and why it cannot be used.
    public func editionOptions() throws -> EditionOptions {
        let look = config.look
        var options = EditionOptions(formats: config.formats, messages: Messages(look.language), title: look.title,
                                     introduction: look.introduction, eventsPerIndicator: look.eventsPerIndicator)
        if let logo = look.logo {
            let data = try lookFile(logo)
            let type: String
            switch (logo as NSString).pathExtension.lowercased() {
            case "svg": type = "image/svg+xml"
            case "png": type = "image/png"
            case "jpg", "jpeg": type = "image/jpeg"
            default: throw WorkspaceMissing(path: resolve(logo, directory: false).path, reason: "output.logo must be an .svg, .png or .jpg file")
            }
            options.logoDataURI = "data:\(type);base64," + data.base64EncodedString()
        }
        if let stylesheet = look.stylesheet {
            let data = try lookFile(stylesheet)
            guard let text = String(data: data, encoding: .utf8) else {
                throw WorkspaceMissing(path: resolve(stylesheet, directory: false).path, reason: "output.stylesheet is not UTF-8 text")
            }
            options.customStylesheet = text
        }
        return options
    }

    private func lookFile(_ path: String) throws -> Data {
        let url = resolve(path, directory: false)
        let real = url.resolvingSymlinksInPath().standardizedFileURL.path
        let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
        guard real.hasPrefix(rootPath + "/") else { throw WorkspaceMissing(path: url.path, reason: "it is outside the workspace folder") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue,
              let attributes = try? FileManager.default.attributesOfItem(atPath: real),
              attributes[.type] as? FileAttributeType == .typeRegular else {
            throw WorkspaceMissing(path: url.path, reason: "no such regular file")
        }
        guard let size = attributes[.size] as? Int, size <= Workspace.lookFileLimit else {
            throw WorkspaceMissing(path: url.path, reason: "larger than \(Workspace.lookFileLimit / 1024) KB")
        }
        guard let data = FileManager.default.contents(atPath: real) else { throw WorkspaceMissing(path: url.path, reason: "cannot be read") }
        return data
    }
}
