from checker.command import main

raise SystemExit(main())
