# Generated from the assets-deploy command model by dev.assetsdeploy.ship.ShipFiles. Do not edit.
# Refresh after changing commands: mvn -B -q -Prefresh-completions process-test-classes

complete -c assets-deploy -f

# assets-deploy
complete -c assets-deploy -n 'not __fish_seen_subcommand_from manifest' -l stacktrace -d 'Print the full stack trace of an error (for bug reports).'
complete -c assets-deploy -n 'not __fish_seen_subcommand_from manifest' -s h -l help -d 'Show this help message and exit.'
complete -c assets-deploy -n 'not __fish_seen_subcommand_from manifest' -s V -l version -d 'Print version information and exit.'
complete -c assets-deploy -n 'not __fish_seen_subcommand_from manifest' -a 'manifest' -d 'Show what a deploy of DIR would publish: every file\'s path, hash, size and content type, what is ignored and why, and warnings.'

# assets-deploy manifest
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -l json -d 'Print machine-readable JSON on stdout instead of the report.'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -s v -l verbose -d 'Show more detail.'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -s q -l quiet -d 'Print no progress, only results and errors.'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -l strict -d 'Treat every warning as an error (exit code 3).'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -l max-files -x -d 'Refuse a folder with more than N files (default: 20000; paid plans allow 100000).'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -l out -r -F -d 'Also write the upload-session request body {"manifest": {...}} to FILE.'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -s h -l help -d 'Show this help message and exit.'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -s V -l version -d 'Print version information and exit.'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -l stacktrace -d 'Print the full stack trace of an error (for bug reports).'
complete -c assets-deploy -n '__fish_seen_subcommand_from manifest' -x -a '(__fish_complete_directories)'
