import Foundation

/// Where an edition's files go in an output folder, for every command that writes them (`run`,
/// `publish`, `report`): its own folder `<methodology>-<period>/`, kept exact (a file its previous
/// SHA256SUMS listed and it no longer has is removed). An edition published before editions were
/// folders (`folder == nil`) wrote flat files into the output folder itself; they go back there,
/// byte for byte, and nothing else in that folder is touched.
public enum EditionOutput {
    /// Writes the files and returns one outcome per file, named by its path in the output folder.
    public static func write(_ files: [ReportWriter.File], folder: String?, into output: URL,
                             exact: Bool = true) throws -> [ReportWriter.Outcome] {
        let directory = folder.map { output.appendingPathComponent($0, isDirectory: true) } ?? output
        return try ReportWriter(directory: directory, exact: exact && folder != nil).write(files).map { outcome in
            ReportWriter.Outcome(name: (folder.map { $0 + "/" } ?? "") + outcome.name, written: outcome.written, sha256: outcome.sha256)
        }
    }
}
