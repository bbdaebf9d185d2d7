import Foundation
import ServiceModel

/// YAML decode and encode of a workspace's files: svcwiz's `ManifestReader` and
/// `YAMLWriter` next to PyYAML's libyaml loader and dumper, on the same files, in one run.
/// Throughput is the workspace's size (bytes of YAML read) over the time taken, for both
/// directions, so the two libraries are measured on the same amount of work.
struct YAMLFigures {
    var megabytes: Double
    var files: Int
    var decode: [Double] = []   // seconds per run
    var encode: [Double] = []
    var pyDecode: [Double] = []
    var pyEncode: [Double] = []

    var decodeRate: Double { megabytes / median(decode) }
    var encodeRate: Double { megabytes / median(encode) }
    var pyDecodeRate: Double { megabytes / median(pyDecode) }
    var pyEncodeRate: Double { megabytes / median(pyEncode) }
}

enum YAMLBench {
    static let python = """
        import sys, os, time, json, yaml
        from yaml import CLoader, CDumper
        root, runs = sys.argv[1], int(sys.argv[2])
        texts = []
        for d, _, names in os.walk(root):
            for n in sorted(names):
                if n.endswith('.yaml'):
                    with open(os.path.join(d, n), encoding='utf-8') as f: texts.append(f.read())
        dec, enc = [], []
        for _ in range(runs):
            t = time.perf_counter(); objs = [yaml.load(x, Loader=CLoader) for x in texts]; dec.append(time.perf_counter() - t)
            t = time.perf_counter(); out = [yaml.dump(o, Dumper=CDumper, allow_unicode=True, sort_keys=False) for o in objs]; enc.append(time.perf_counter() - t)
        print(json.dumps({"decode": dec, "encode": enc, "files": len(texts)}))
        """

    static func files(in root: String) throws -> [(String, [UInt8])] {
        let folder = root + "/default"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted().map {
            guard let data = FileManager.default.contents(atPath: folder + "/" + $0) else { throw BenchError("cannot read \($0)") }
            return (folder + "/" + $0, Array(data))
        }
    }

    static func run(workspace root: String, runs: Int, withPython: Bool) throws -> YAMLFigures {
        let files = try files(in: root)
        let bytes = files.reduce(0) { $0 + $1.1.count }
        var figures = YAMLFigures(megabytes: Double(bytes) / 1_000_000, files: files.count)
        for _ in 0..<runs {
            var nodes: [ManifestNode] = []
            nodes.reserveCapacity(files.count)
            try figures.decode.append(measure {
                for (path, data) in files {
                    for document in try ManifestReader.parse(bytes: data, path: path, format: .yaml).documents {
                        if let root = document.root { nodes.append(root) }
                    }
                }
            }.milliseconds / 1000)
            var written = 0
            figures.encode.append(measure {
                for node in nodes { written += YAMLWriter.write(node).utf8.count }
            }.milliseconds / 1000)
            if nodes.count != files.count || written == 0 { throw BenchError("YAML round trip lost documents") }
        }
        if withPython {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", python, root, String(runs)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0,
                  let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let decode = object["decode"] as? [Double], let encode = object["encode"] as? [Double] else {
                throw BenchError("PyYAML run failed (python3 with yaml.CLoader needed)")
            }
            figures.pyDecode = decode
            figures.pyEncode = encode
        }
        return figures
    }
}
