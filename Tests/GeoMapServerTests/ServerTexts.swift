/// Short news-like texts for the server tests, each naming places of several kinds.
enum ServerTexts {
    static let articles: [String] = [
        "Shelling hit Severodonetsk and Lysychansk in the Luhansk region on Tuesday, the governor said.",
        "Lithuanian officials warned that the Suwalki Gap between Kaliningrad and Belarus is NATO's weak spot.",
        "Ukrainian forces pushed towards Kherson while Russian troops dug in near Melitopol and Zaporizhzhia.",
        "Flooding closed roads across Laurel County, Kentucky, and parts of Knoxville, Tennessee.",
        "The summit in Paris brought German, French and Polish leaders together before talks in Brussels.",
        "Aid convoys left Odesa for Mykolaiv; the port of Izmail on the Danube stayed open.",
        "Protests spread from Tbilisi to Batumi as Georgia's parliament met.",
        "No place is named in this sentence at all, said the man from the ministry.",
    ]
}
