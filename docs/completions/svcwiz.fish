function __svcwiz_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __svcwiz_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __svcwiz_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __svcwiz_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __svcwiz_parse_tokens -S
    set -l unparsed_tokens (__svcwiz_tokens -pc)
    switch $unparsed_tokens[1]
    case 'svcwiz'
        __svcwiz_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'list'
            __svcwiz_parse_subcommand 0 'workspace=' 'n/namespace=' 'kubeconfig=' 'context=' 'lang=' 'kube-version=' 'A/all-namespaces' 'o/output=' 'version' 'h/help'
        case 'get'
            __svcwiz_parse_subcommand 1 'workspace=' 'n/namespace=' 'kubeconfig=' 'context=' 'lang=' 'kube-version=' 'o/output=' 'version' 'h/help'
        case 'validate'
            __svcwiz_parse_subcommand -r 1 'lang=' 'kube-version=' 'workspace=' 'version' 'h/help'
        case 'apply'
            __svcwiz_parse_subcommand 0 'workspace=' 'n/namespace=' 'kubeconfig=' 'context=' 'lang=' 'kube-version=' 'f/filename=' 'version' 'h/help'
        case 'delete'
            __svcwiz_parse_subcommand 1 'workspace=' 'n/namespace=' 'kubeconfig=' 'context=' 'lang=' 'kube-version=' 'version' 'h/help'
        case 'export'
            __svcwiz_parse_subcommand 1 'workspace=' 'n/namespace=' 'kubeconfig=' 'context=' 'lang=' 'kube-version=' 'o/output=' 'file=' 'version' 'h/help'
        case 'convert'
            __svcwiz_parse_subcommand 0 'f/filename=' 'o/output=' 'kube-version=' 'lang=' 'version' 'h/help'
        case 'keys'
            __svcwiz_parse_subcommand 0 'lang=' 'format=' 'version' 'h/help'
        case 'help'
            __svcwiz_parse_subcommand -r 1 'version'
        end
    end
end

function __svcwiz_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __svcwiz_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __svcwiz_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __svcwiz_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__svcwiz_tokens -p)
    if test -z "$(__svcwiz_tokens -t)"
        set -l index (count (__svcwiz_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'svcwiz' -f
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'list' -d 'List services.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'get' -d 'Print one service as YAML or JSON.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'validate' -d 'Check the Services in files by Kubernetes\' own rules; prints file:line: field: message.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'apply' -d 'Create or update the Services in a file.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'delete' -d 'Delete a service.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'export' -d 'Write a service without its server-owned fields, to a file or standard output.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'convert' -d 'Read each Service into the form model and write it back as YAML or JSON.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'keys' -d 'Print every key of the terminal UI, from the key tables the app itself uses.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_positional "svcwiz" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" workspace' -l 'workspace' -d 'The manifest folder to work on. Default: the cluster of the kubeconfig when there is one, else the current folder.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" n namespace' -s 'n' -l 'namespace' -d 'The namespace (project). Default: the context\'s namespace on a cluster; `default`, or the workspace\'s only namespace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" kubeconfig' -l 'kubeconfig' -d 'The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config). Ignored with --workspace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" context' -l 'context' -d 'The kubeconfig context to use (default: its current-context).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" lang' -l 'lang' -d 'Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" kube-version' -l 'kube-version' -d 'The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default on a workspace: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in .svcwiz.yaml, else the newest; on a cluster: its /version.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" A all-namespaces' -s 'A' -l 'all-namespaces' -d 'List services in every namespace.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" o output' -l 'output' -s 'o' -d 'Output format: table, wide, yaml, json or name.' -rfka 'table wide yaml json name'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" workspace' -l 'workspace' -d 'The manifest folder to work on. Default: the cluster of the kubeconfig when there is one, else the current folder.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" n namespace' -s 'n' -l 'namespace' -d 'The namespace (project). Default: the context\'s namespace on a cluster; `default`, or the workspace\'s only namespace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" kubeconfig' -l 'kubeconfig' -d 'The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config). Ignored with --workspace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" context' -l 'context' -d 'The kubeconfig context to use (default: its current-context).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" lang' -l 'lang' -d 'Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" kube-version' -l 'kube-version' -d 'The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default on a workspace: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in .svcwiz.yaml, else the newest; on a cluster: its /version.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" o output' -l 'output' -s 'o' -d 'Output format: yaml or json.' -rfka 'yaml json'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz get" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz validate" lang' -l 'lang' -d 'Language of messages: en or zh.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz validate" kube-version' -l 'kube-version' -d 'The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in the workspace\'s .svcwiz.yaml, else the newest.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz validate" workspace' -l 'workspace' -d 'The workspace whose .svcwiz.yaml names the release (default: the current folder).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz validate" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz validate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" workspace' -l 'workspace' -d 'The manifest folder to work on. Default: the cluster of the kubeconfig when there is one, else the current folder.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" n namespace' -s 'n' -l 'namespace' -d 'The namespace (project). Default: the context\'s namespace on a cluster; `default`, or the workspace\'s only namespace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" kubeconfig' -l 'kubeconfig' -d 'The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config). Ignored with --workspace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" context' -l 'context' -d 'The kubeconfig context to use (default: its current-context).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" lang' -l 'lang' -d 'Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" kube-version' -l 'kube-version' -d 'The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default on a workspace: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in .svcwiz.yaml, else the newest; on a cluster: its /version.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" f filename' -l 'filename' -s 'f' -d 'The YAML or JSON file to apply.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz apply" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" workspace' -l 'workspace' -d 'The manifest folder to work on. Default: the cluster of the kubeconfig when there is one, else the current folder.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" n namespace' -s 'n' -l 'namespace' -d 'The namespace (project). Default: the context\'s namespace on a cluster; `default`, or the workspace\'s only namespace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" kubeconfig' -l 'kubeconfig' -d 'The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config). Ignored with --workspace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" context' -l 'context' -d 'The kubeconfig context to use (default: its current-context).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" lang' -l 'lang' -d 'Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" kube-version' -l 'kube-version' -d 'The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default on a workspace: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in .svcwiz.yaml, else the newest; on a cluster: its /version.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz delete" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" workspace' -l 'workspace' -d 'The manifest folder to work on. Default: the cluster of the kubeconfig when there is one, else the current folder.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" n namespace' -s 'n' -l 'namespace' -d 'The namespace (project). Default: the context\'s namespace on a cluster; `default`, or the workspace\'s only namespace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" kubeconfig' -l 'kubeconfig' -d 'The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config). Ignored with --workspace.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" context' -l 'context' -d 'The kubeconfig context to use (default: its current-context).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" lang' -l 'lang' -d 'Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" kube-version' -l 'kube-version' -d 'The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default on a workspace: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in .svcwiz.yaml, else the newest; on a cluster: its /version.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" o output' -l 'output' -s 'o' -d 'Output format: yaml or json.' -rfka 'yaml json'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" file' -l 'file' -d 'A file, or a folder for <name>.<namespace>.service.yaml (default: standard output).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz convert" f filename' -l 'filename' -s 'f' -d 'The YAML or JSON file to read.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz convert" o output' -l 'output' -s 'o' -d 'Output format: yaml or json.' -rfka 'yaml json'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz convert" kube-version' -l 'kube-version' -d 'The Kubernetes release whose warnings to print on standard error (fields it drops, deprecations): 1.24 to 1.36, or latest. Default: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in ./.svcwiz.yaml, else the newest.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz convert" lang' -l 'lang' -d 'Language of messages: en or zh.' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz convert" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz convert" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz keys" lang' -l 'lang' -d 'Language: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).' -rfka ''
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz keys" format' -l 'format' -d 'Output format: text or markdown.' -rfka 'text markdown'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz keys" version' -l 'version' -d 'Show the version.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz keys" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'svcwiz' -n '__svcwiz_should_offer_completions_for_flags_or_options "svcwiz help" version' -l 'version' -d 'Show the version.'
