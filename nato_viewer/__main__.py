from nato_viewer.cli import main

raise SystemExit(main())
