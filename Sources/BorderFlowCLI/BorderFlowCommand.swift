import ArgumentParser

@main
struct BorderFlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "borderflow",
        abstract: "Where does traffic go when crossings on the U.S.–Mexico border close?",
        discussion: """
            Works on the bundled Southwest border dataset (every land crossing, the nine Border Patrol sectors, \
            the boundary and the places trips start and end) or on your own with --data DIR.
            """,
        subcommands: [
            CrossingsCommand.self,
            SectorsCommand.self,
            LocateCommand.self,
            DivertCommand.self,
            RouteCommand.self,
            ExportCommand.self,
            MapCommand.self,
            ScenariosCommand.self,
            SimulateCommand.self,
            CalibrateCommand.self,
            ValidateCommand.self,
            InfoCommand.self,
            BuildSectorsCommand.self,
        ]
    )
}
