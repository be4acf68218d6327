"""Demo vacancy cues: the headings that open a vacancy's sections and the words that make a mention nice to have or
negate it, in English and Dutch (skills.vacancies.layout reads them). One cue a line; words are folded like the
vacancy's ("what's" is "what s"). Idempotent: cues are matched by kind, language and text."""

from portal.cache.fragments import touch
from skills.models import VacancyCue
from skills.vacancies.phrasebook import VACANCY_PHRASES_KIND

Kind = VacancyCue.Kind

CUES = {
    Kind.REQUIRED_HEADING: (
        """
        requirements\nrequired\nmust have\nmust haves\nwhat you bring\nwhat we ask\nwhat we are looking for
        what we re looking for\nwho you are\nabout you\nyour profile\nprofile\nqualifications\nyou have
        what you need\nwhat you ll need\nwhat we expect\nyour skills\nskills\nwhat we look for\nwe are looking for
        your background\nyour experience\nthe ideal candidate\nwho we are looking for\nyou bring\nyou speak
        essential\nessential skills\nessential criteria
        """,
        """
        wat vragen wij\nwat vragen we\nwat wij vragen\nwat we vragen\nwat wij van je vragen\nwat we van je vragen
        wat wij van jou vragen\ndit vragen wij\ndit vragen we\nwat breng je mee\nwat breng jij mee\nwat neem je mee
        wat neem jij mee\ndit breng je mee\ndit breng jij mee\nwie ben jij\nwie ben je\nwie zoeken wij\nwie zoeken we
        wat verwachten wij\nwat verwachten we\nwat wij verwachten\nwij vragen\nwe vragen\njouw profiel\nje profiel
        profiel\nover jou\nfunctie eisen\nfunctieeisen\neisen\nvereisten\nje hebt\njij hebt\njouw vaardigheden
        wat heb je nodig\nwat moet je kunnen\nwat wij zoeken\nwat we zoeken\ndit ben jij\ndit neem je mee
        dit heb je nodig\njouw achtergrond\nwat wij van jou verwachten\nwat we van jou verwachten\nje spreekt
        jij spreekt\nknock out criteria\nknockout criteria\nharde eisen\nminimale eisen
        """,
    ),
    Kind.NICE_HEADING: (
        """
        nice to have\nnice to haves\nbonus\nbonus points\npreferred\npreferred qualifications\ngood to have
        nice to know\noptional\nextra\nit s a plus\na plus\nwould be nice\nwould be great\ngreat to have
        nice extras\neven better if you have\nbonus if you have\nit would be great if you\nit would be nice if you
        desirable\npluses\nplusses\nwhat would be a plus\nwhat would make you stand out\nwhat makes you stand out
        what sets you apart\nthings that help\nalso nice\nnice but not essential\nextra points\nshould have
        should haves\ncould have\ndesired\ndesired skills\ndesirable criteria\nbrownie points\nnot a must
        """,
        """
        pre\npres\npluspunten\npluspunt\nbonuspunten\nmooi meegenomen\nstrekt tot aanbeveling\noptioneel
        helemaal mooi\ngeen must\nzou fijn zijn\nzou mooi zijn\nleuk als je ook hebt\nleuk als je hebt\nfijn als je hebt
        mooi als je hebt\nhelemaal top als\ntop als je\nextraatje\nextraatjes\nwat het extra leuk maakt
        wat je extra interessant maakt\nwaarmee je opvalt\nook leuk\nook fijn\nmooi meegenomen is\nwensen\nwens
        gewenst\ngewenste competenties\ngewenste kennis\ngewenste ervaring\ngunningscriteria\nwenselijk
        """,
    ),
    Kind.PLAIN_HEADING: (
        """
        what you ll do\nwhat you will do\nthe role\nabout the role\nyour role\nresponsibilities\ntasks\nthe team
        our team\nour stack\ntech stack\ninterested\nhow to apply\nthe process\nyour job\nthe job\nthe position
        in this role\nyour responsibilities\nyour tasks\nkey responsibilities\nwhat the job involves\nday to day
        about the team\nabout the job\nabout this job\nabout this role\nabout the position\nabout the vacancy
        about this vacancy\nabout the opportunity\nabout the project\nabout the assignment\nabout your role
        about your team\nabout our team\nabout the department\nabout the work\nabout the data team
        """,
        """
        wat ga je doen\nwat ga jij doen\nde functie\nde rol\nfunctieomschrijving\nover de functie\njouw rol\nje rol
        taken\nwerkzaamheden\nverantwoordelijkheden\nwat je gaat doen\nhet team\nons team\nonze stack\nde stack
        interesse\nsolliciteren\nprocedure\njouw baan\nde baan\nje taken\njouw taken\nwat je doet\nin deze functie
        in deze rol\njouw functie\nde uitdaging\njouw uitdaging\nwat houdt de functie in\nfunctie inhoud\nfunctieinhoud
        over het team\nover de rol\nover deze functie\nover de vacature\nover deze vacature\nover de baan
        over het project\nover de opdracht\nover de afdeling\nover ons team\nover jouw team\nover je team
        over jouw rol\nover de werkzaamheden\nover het datateam
        """,
    ),
    Kind.COMPANY_HEADING: (
        """
        about us\nwho we are\nabout the company\nour company\nthe company\nwhere you will work\nwhere you ll work
        our mission\nabout our client\nour client\nwho are we\nabout\nworking at\nlife at
        """,
        """
        over ons\nwie zijn wij\nwie zijn we\nover het bedrijf\nhet bedrijf\nde organisatie\nover de organisatie
        waar ga je werken\nwaar kom je te werken\nbij wie ga je werken\ndit zijn wij\nwie we zijn\nde werkgever
        de opdrachtgever\nover de opdrachtgever\nonze klant\nover onze klant\nover\nwerken bij
        """,
    ),
    Kind.OFFER_HEADING: (
        """
        what we offer\nwe offer\nwhat s in it for you\nbenefits\nperks\nwhat you get\nin return\nwhy join us\nour offer
        what you will learn\nwhat you ll learn\nwhat we will teach you\nwhat we ll teach you\nwhat you can expect
        why us\nsalary\ncompensation\nyour development\nlearning and development\ntraining\nyour growth
        how we help you grow\nthe programme\nthe program\nthe curriculum\ncurriculum
        """,
        """
        wat bieden wij\nwat bieden we\nwat wij bieden\nwat we bieden\nwij bieden\nwe bieden\nons aanbod\nwat krijg je
        wat krijg jij\narbeidsvoorwaarden\ndit bieden wij\ndit bieden we\nwat wij je bieden\nwat we je bieden
        wat wij jou bieden\nwat we jou bieden\nwat staat er tegenover\nwat mag je van ons verwachten
        wat ga je leren\nwat ga jij leren\nwat leer je\nwat leer jij\nwat je gaat leren\nwat je bij ons leert
        wat kun je verwachten\nwat mag je verwachten\nwaarom wij\nwaarom bij ons\nsalaris\nhet aanbod
        jouw ontwikkeling\nje ontwikkeling\nopleiding en ontwikkeling\nontwikkeling en opleiding
        opleidingsmogelijkheden\ngroeimogelijkheden\nhet programma\nhet opleidingsprogramma\nopleidingsprogramma
        """,
    ),
    Kind.NOT_ASKED_HEADING: (
        """
        what you don t need\nwhat you do not need\nyou don t need\nno need for\nnot required\nnot needed
        what we don t expect\nwhat we do not expect\nwe don t expect\nwhat you won t need\nwhat you will not need
        what s not required\nwhat is not required\nwhat s not needed\nwhat is not needed\nno need to bring
        what you won t do\nwhat you will not do\nwhat you won t be doing\nwhat you will not be doing
        not for this role\nnot part of this role\nnot part of the job
        """,
        """
        wat je niet nodig hebt\nwat je niet hoeft te kunnen\nwat je niet hoeft te hebben\nniet nodig\nniet vereist
        wat je niet gaat doen\nwat ga je niet doen\nwat je niet doet
        niet voor deze rol\nniet voor deze functie
        wat we niet vragen\nwat wij niet vragen\nwat we niet verwachten\nwat wij niet verwachten
        wat heb je niet nodig\nwat hoef je niet te kunnen\nwat niet nodig is\nwat niet hoeft
        """,
    ),
    Kind.NICE: (
        """
        plus\nnice to have\nbonus\npreferred\npreferably\nideally\noptional\nan advantage\nwould be nice
        would be great\nis welcome\nnice to know\neven better\ngood to know\nnice extra\nan asset\ndesirable
        but not required\nbut not a must\nbut not essential\nbut not necessary\nbut not a requirement
        great if\nnice if\nwould be welcome\nare welcome\nextra points\nbut nice\nnice but\nadvantageous
        stand out\nsets you apart\nis helpful\nwould be helpful\nbut helpful\nhelpful but\nis useful\nwould be useful
        appreciated\nbrownie points\nwould help\nthough not required\nthough not a requirement\nthough not a must
        though it isn t a requirement\nthough it is not a requirement\nthough it s not a requirement
        though it isn t required\nthough it is not required\nbut it isn t a requirement\nbut it is not a requirement
        but it s not a requirement\nbut it isn t required\nbut it is not required\nbut it s not required
        would not hurt\nwouldn t hurt\nwon t hurt\nwill not hurt\ndoesn t hurt\ndoes not hurt\ncan t hurt\nnever hurts
        welcome extra\nin your favour\nin your favor\nappreciate\nmay but need not\ncan but need not
        """,
        """
        mag maar hoeft niet\nmag hoeft niet\nkan maar hoeft niet\neen pre\npluspunt\npluspunten\nbij voorkeur\nidealiter\nmooi meegenomen\nstrekt tot aanbeveling\noptioneel
        een voordeel\nis welkom\nis fijn\nleuk als\nfijn als\neen plus\nzou fijn zijn\nzou mooi zijn\nmooie extra
        maar niet noodzakelijk\nmaar niet vereist\nmaar geen vereiste\nmaar geen must\nmaar niet verplicht
        extraatje\nmooi als\ntop als\nleuk meegenomen\nhandig maar\nmaar wel fijn\nmaar wel handig\nextra leuk
        extra interessant\nis handig\nhandig als\nmaar handig\nis gewenst\nwenselijk\nzou helpen
        al is het geen vereiste\nal is het geen must\nal is het niet vereist\nal is het niet noodzakelijk
        maar het is geen vereiste\nmaar het is geen must\nmaar het is niet vereist\nmaar het is niet noodzakelijk
        hoewel geen vereiste\nhoewel niet vereist\nhoewel niet noodzakelijk
        kan geen kwaad\nkan nooit kwaad\nwaarderen\nin je voordeel\neen troef\nis een troef
        """,
    ),
    Kind.NEGATION: (
        """
        no\nnot\ndon t\ndoesn t\ndo not\ndoes not\nhaven t\nhasn t\nwon t\nwill not\nneedn t\nno need
        never\nneither\nnor\nnobody\nno one\nnone\nnothing\nisn t\naren t\nwasn t\nhardly\nbarely\nirrelevant
        out of scope\nanother team\nphasing out\nphased out\nbeing retired\nmoved away from\nmoved off
        only by\noutside the scope\noutside of the scope\noutside our scope\nn a
        phase out\nphases out\nphasing it out\nphased it out\nretire\nretires\nretired our\nretired the\nretired its
        retired it\nretired them\nbeen retired\nwas retired\nwere retired\nis retired\nare retired\nretiring our\nretiring the\nwound down
        wind down\nwinds down\nwinding down\nswitched off\nswitching off\nturned off\ndecommissioned\ndecommissioning
        sunset\nsunsetted\nsunsetting\nmove away from\nmoves away from\nmoving away from\nmigrate away from
        migrated away from\nmigrating away from\nmoving off\nstopped using\nreplaced\nreplaces\nreplacing
        handled by\nowned by\nrun by\nmanaged by\nmaintained by\ntaken care of by\nlooked after by\nlies with
        lie with\nrests with\nsits with\nstays with\nstay with\nremains with\ntheirs\ntheir responsibility
        their remit\nbuilt for you\ndone for you\nhandled for you\nset up for you\nmanaged for you
        taken care of for you\nprovided for you\noff your plate\nsomeone else s plate\noutside this role
        outside the role\noutside your role\noutside your remit\noutside the remit\noutside your responsibilities
        beyond the scope\nbeyond this role\nbeyond your role\noperated by\ndone by\nresponsibility of the
        responsibility of our\nresponsibility of another\nsaying goodbye to\nsaid goodbye to
        forget\nzero required\nzero needed\nzero expected\noverkill\na thing of the past\nleave them at home\nleave it at home
        things of the past\nbehind us\nnope\nsister team\neverything off\naway from\nnowhere
        missing from this list\nmissing from the list\nleft off this list\nleft out of this list
        belongs to the\nbelong to the\nbelongs to our\nbelong to our
        gone since\nlong gone\nis gone\nare gone\nwe dropped\nwe ve dropped\nwe have dropped\noff the table
        tried and abandoned\nwas abandoned\nwere abandoned\nabandoned it\nabandoned them
        not even as a plus\nnot even as a bonus\nnot even as a nice to have\nnot as a plus
        belong to the vacancy\nbelongs to the vacancy\nbelong to another vacancy\nbelongs to another vacancy
        belong to a different vacancy\nbelongs to a different vacancy
        """,
        """
        geen\nniet\nnee\nhoeft\nhoef\nnooit\nniemand\nniets\nniks\nnergens\nnoch\nevenmin\nnauwelijks\namper
        bijzaak\nirrelevant\nbuiten de scope\nvalt buiten\nvallen buiten\nander team\nuitgefaseerd\nuitfaseren
        laat je aan\nlaat je gerust aan\nalleen door\nafgestapt van\nbuiten scope\nbuiten onze scope\nhet terrein van
        n v t\nlinks liggen\nontbreekt bewust\nbewust weggelaten\nde deur uit\nmet pensioen\nvan horen zeggen\nafgeschaft\nvalt bij ons af\nvallen bij ons af\nvalt af\nvallen af
        laten we over aan de\nlaten we over aan het\nlaten we over aan onze\nlaten we aan de
        laten we aan het\nlaten we aan onze\nlaat je over aan de\nlaat je over aan het
        laat je over aan onze\nlaten we graag over aan de\nlaten we graag over aan het
        laten we graag over aan onze\nlaten we graag aan de\nlaten we graag aan het\nlaten we graag aan onze
        uitgezet\nuitgeschakeld\nafgebouwd\nafbouwen\nbouwen we af\nfaseren we uit\nfaseren uit\nfaseert uit
        uit gebruik\nbuiten gebruik\ngestopt met\nafstappen van\nstappen af van\nstapt af van
        overgestapt van\nvervangen\nvervangt\nverving\nvervingen\ningeruild\nligt bij de\nligt bij het
        liggen bij de\nliggen bij het\nligt bij team\nliggen bij team\nligt bij onze\nliggen bij onze\ndaar zorgt
        daarvoor zorgt\nis het werk van\nzijn het werk van\nvoor je geregeld
        voor jou geregeld\nvoor je gebouwd\nvoor jou gebouwd\nvoor je klaargezet\nvoor jou klaargezet
        ligt buiten\nliggen buiten\nbuiten je takenpakket\nbuiten jouw takenpakket\nbuiten het takenpakket
        buiten deze rol\nbuiten de rol\nbuiten je rol\nbuiten jouw rol\nbuiten deze functie\nbuiten de functie
        buiten je functie\nbuiten jouw functie\nbuiten de opdracht\nbuiten deze opdracht
        beheerd door\nonderhouden door\ngeregeld door\nverzorgd door\nafgehandeld door\ngedaan door\nopgepakt door
        verantwoordelijkheid van het\nverantwoordelijkheid van de\nvalt onder het\nvallen onder het\nvalt onder team
        vallen onder team\nafscheid van\nuit productie genomen\noverbodig\nafgestapt\nthuislaten\nthuis laten\nverleden tijd
        achter ons gelaten\nachter ons\nzusterteam
        niet als pluspunt\nniet als pre\nook niet als pluspunt\nook niet als pre
        horen bij de vacature\nhoort bij de vacature\nhoren bij een andere vacature\nhoort bij een andere vacature
        """,
    ),
    Kind.NEGATION_NEXT: (
        "instead of\nrather than\nwithout",
        "in plaats van\nzonder",
    ),
    Kind.NOT_NEGATING: (
        """
        not only\nnot just\nnot afraid\nno stranger\nno problem\nno fear\nno matter\nnot null\nnot the only
        isn t just\nisn t only\naren t just\naren t only\nnone other\nnot empty\ndon t shy away\ndo not shy away
        never shy away\ndon t hesitate\ndo not hesitate\nnot hesitate\nnever empty\nnever null\nno nulls
        by you\nby yourself\nwith you\nnot optional\nisn t optional\nnot a nice to have\nisn t a nice to have
        no null values\nno duplicates\nno duplicate\nleave no\nleaves no
        """,
        """
        door jou\ndoor je\ndoor jezelf\nbij jou\nniet optioneel\ngeen nice to have\ngeen pre maar\ngeen moeite\ngeen probleem\ngeen angst\ngeen bezwaar\nniet alleen\nniet enkel\nniet bang\nniet leeg
        niet terug voor\nniet weg te denken\naarzel niet\ntwijfel niet\nnooit leeg\nnooit null\ngeen nulls
        geen null waarden\ngeen lege waarden\ngeen duplicaten\ngeen dubbele\nlaat geen\nlaten geen
        """,
    ),
    Kind.OFFER: (
        """
        we will train you\nwe ll train you\nwe train you\ntrain you in\nyou will learn\nyou ll learn
        you get to learn\nwe will teach you\nwe ll teach you\nwe teach you\na course in\ncourses in\na course on
        courses on\ntraining in\ncertification paid\nlearning budget\nwe offer training
        """,
        """
        leer je\nwij leren je\nwe leren je\nleiden we je op\nleiden wij je op\nword je opgeleid\ncursussen in
        een cursus in\ncursus over\ntrainingen in\ntraining in\nleerbudget\nopleidingsbudget
        """,
    ),
}


# Well-known data and tech products, languages, formats and technical acronyms that no demo phrase knows: the reader
# names them as unrecognised wherever they stand, lower case, in a list, glued to a Dutch word ("Kafka-topics") or
# first in a sentence. Comma-separated, as written; a single word written with one capital ("Go", "Iceberg") that is
# also an ordinary word counts only where the vacancy writes it with a capital (skills.vacancies.unknown).
TERMS = """
    Snowflake, Snowpark, Snowpipe, BigQuery, Redshift, Synapse, Azure Synapse, Synapse Analytics, ClickHouse, DuckDB,
    MotherDuck, PostgreSQL, Postgres, MySQL, MariaDB, SQL Server, Azure SQL, Cloud SQL, Oracle, Teradata, Vertica,
    Greenplum, Exasol, SingleStore, Firebolt, Druid, Pinot, StarRocks, Trino, Presto, Athena, Hive, Impala, HBase,
    Cassandra, MongoDB, Cosmos DB, DynamoDB, Bigtable, Spanner, Elasticsearch, OpenSearch, Kibana, Logstash, Redis,
    Neo4j, SQLite, TimescaleDB, InfluxDB, CockroachDB, Supabase, Hadoop, HDFS, MapReduce, Sqoop, Kudu,
    Kafka, Apache Kafka, Kafka Streams, Kafka Connect, ksqlDB, Confluent Cloud, Flink, Apache Flink, Pulsar, Kinesis,
    Event Hubs, Pub/Sub, RabbitMQ, NiFi, Apache NiFi, Beam, Apache Beam, Debezium, Dataflow, Stream Analytics,
    Fivetran, Airbyte, Meltano, Talend, PowerCenter, DataStage, IBM DataStage, Oracle Data Integrator, SSIS, SSRS, SSAS, Azure Data Factory, Data Factory, Matillion,
    Alteryx, Pentaho, SQLMesh, Luigi, Argo Workflows, Oozie, Kestra, Step Functions, Logic Apps,
    Power BI, Looker, Looker Studio, Data Studio, Tableau, Qlik, Qlik Sense, QlikView, Metabase, Superset,
    Apache Superset, Grafana, Redash, ThoughtSpot, MicroStrategy, Lightdash, Sigma, Excel, Hevo, Segment, Census,
    Hightouch, RudderStack, Snowplow, Mixpanel, Amplitude, Google Analytics,
    Cognos, BusinessObjects, SAP BW, SAP HANA, Power Query, Power Automate, Power Apps, SharePoint, Mendix, OutSystems,
    Camunda, Confluent, TOPdesk, Azure Monitor, Application Insights, Log Analytics, KQL,
    Delta Live Tables, Unity Catalog, Iceberg, Apache Iceberg, Hudi, Apache Hudi, Microsoft Fabric, OneLake, Purview,
    Microsoft Purview, Collibra, Alation, DataHub, OpenMetadata, Atlan, Polars, Dask, Apache Arrow, Jupyter,
    JupyterLab, Streamlit,
    MLflow, Kubeflow, SageMaker, Vertex AI, Azure Machine Learning, TensorFlow, PyTorch, Keras, XGBoost, LightGBM,
    Hugging Face, LangChain, LlamaIndex, Feast, BentoML, ONNX, ONNX Runtime, Triton Inference Server, Ray, spaCy,
    OpenAI, Azure OpenAI, pgvector, Qdrant, Weaviate, Pinecone, Milvus, Chroma, Ragas,
    Java, Scala, Kotlin, Go, Golang, Rust, TypeScript, JavaScript, Node.js, .NET, ASP.NET, C#, C++, F#, R, Bash,
    PowerShell, Julia, Ruby,
    PHP, Perl, Groovy, Haskell, Elixir, SAS, SPSS, MATLAB, VBA, DAX, PL/SQL, HiveQL, GraphQL, HTML, CSS, Jinja,
    Cypher, SPARQL,
    Parquet, Avro, ORC, JSON, CSV, XML, YAML, Protobuf, HL7, FHIR,
    ETL, ELT, CDC, REST, OLAP, OLTP, SCD, DWH, JDBC, ODBC, SFTP, gRPC, OAuth, SOAP, OpenAPI,
    Terraform, Kubernetes, Dagster, Prefect, Ansible, Pulumi, Bicep, CloudFormation, OpenShift, Prometheus, Grafana Loki, Loki, OpenTelemetry, Datadog,
    New Relic, Splunk, Sentry, PagerDuty, Lambda, Aurora, QuickSight, EventBridge, Event Grid, Service Bus,
    Lake Formation, Dataform, Dataplex,
    Linux, Git, GitLab, GitHub, Bitbucket, Jira, Confluence,
    Databricks Workflows, Azure DevOps, Azure Functions, Kubeflow Pipelines, Amazon EMR, EMR, MWAA, AWS Glue, Cloudera,
    mypy, Ruff, Playwright, Cypress, Selenium, Storybook, React, Next.js, Vue, Angular, Svelte, Android, iOS,
    Salesforce, Magento, Intune
"""


def demo_cues() -> list[tuple[str, str, str]]:
    """Every demo cue as (kind, language, text), and every demo term as a cue of its own kind in English."""
    return [
        (kind, language, " ".join(line.split()))
        for kind, texts in CUES.items()
        for language, block in zip(("en", "nl"), texts, strict=True)
        for line in block.strip().split("\n")
        if line.strip()
    ] + [(Kind.TERM, "en", " ".join(term.split())) for term in TERMS.split(",") if term.strip()]


def load_vacancy_cues_demo() -> None:
    """Create the demo cues that are missing; an editor's own cues and changes stay. In one insert, so the phrasebook
    is drawn afresh once (an insert in bulk sends no signal) instead of once a cue."""
    rows = VacancyCue.objects.values_list("kind", "language", "text")
    held = {(kind, language, text.lower()) for kind, language, text in rows}
    missing: dict[tuple[str, str, str], VacancyCue] = {}
    for kind, language, text in demo_cues():
        key = (kind, language, text.lower())
        if key not in held and key not in missing:
            missing[key] = VacancyCue(kind=kind, language=language, text=text)
    if missing:
        VacancyCue.objects.bulk_create(missing.values())
        touch(VACANCY_PHRASES_KIND)
