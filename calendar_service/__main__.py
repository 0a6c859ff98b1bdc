from calendar_service.entrypoints.cli import main

main()
