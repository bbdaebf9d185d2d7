/// The YAML 1.1 tags a written tag can name for a scalar; what each means for the value is
/// `YAMLComposer.kind(of:tag:style:)`, with `YAML11` (go-yaml v2's rules) for plain text.
enum YAMLTag {
    static let str = "tag:yaml.org,2002:str"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let bool = "tag:yaml.org,2002:bool"
    static let null = "tag:yaml.org,2002:null"
}
