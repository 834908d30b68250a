from recapcast.cli import main

main()
