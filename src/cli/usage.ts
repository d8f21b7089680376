/** The help text of `call-segments admin`. */
export const USAGE = `Usage: call-segments admin <group> <command> [options]   (add --json for JSON output)

  core-servers add --slug S --name N --ami-host H [--ami-port 5038] --ami-username U
                   [--ami-secret-stdin] [--conference-rooms on|off] [--transfer-context C]
               update SLUG [--new-slug S] [--name N] [--ami-host H] [--ami-port P] [--ami-username U]
                   [--ami-secret-stdin] [--conference-rooms on|off] [--transfer-context C]
               list
               remove SLUG
  extensions   add --core-server S --number 100 [--name N] [--channel PJSIP/100 ...]
               list --core-server S
               remove --core-server S --number 100
               bind --core-server S --number 100 --user alice
               unbind --core-server S --number 100
               import --core-server S [--dry-run]     (PJSIP endpoints with numeric names, via AMI)
  users        add --username alice --name "Alice" --license full|lite
               list
               set-license alice --license full|lite
               remove alice
  api-users    add U [--password-stdin]              (password from stdin when piped, else prompted)
               set-password U [--password-stdin]
               list
               remove U
  conferences  add|remove --core-server S --name 800, list --core-server S
  queues       add|remove --core-server S --name support, list --core-server S

The database is DB_PATH (default ./data/call-segments.sqlite3), or --db PATH before the group.
Secrets are never taken from the command line.
`;
