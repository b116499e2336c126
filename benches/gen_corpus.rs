//! Writes a realistic national corpus of sheets for the benchmarks:
//! `cargo run --release --example gen-corpus -- DIR [PREFECTURES] [REGIONS] [YEARS]`
//! (defaults 47 × 10 × 5 = 2,350 sheets of about 4 KB each).
//!
//! Sentences are drawn from the bundled Ishikawa sheets, so text, lengths and
//! full-width characters look like the real thing; every sheet is valid (warnings
//! such as `empty-view` or `overdue` occur as they do in practice). The generator is
//! deterministic: the same arguments give the same files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];
const REGIONS: [&str; 12] = [
    "北部",
    "南部",
    "中央",
    "東部",
    "西部",
    "北東部",
    "南西部",
    "沿岸",
    "山間",
    "湖南",
    "北西部",
    "南東部",
];
const FY_SPELLINGS: [&str; 3] = ["{era}", "{year}年度", "{year}"];

/// A tiny deterministic generator (no dependency needed for benchmark data).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, pool: &'a [String]) -> &'a str {
        &pool[self.below(pool.len())]
    }
}

struct Pools {
    sentences: Vec<String>,
    short: Vec<String>,
}

fn pools(regions: &Path) -> Pools {
    let mut sentences = Vec::new();
    let mut files = sheet::discover::sheets_in(regions).expect("regions/");
    files.sort();
    for f in files {
        let bytes = std::fs::read(&f).expect("read");
        let (_, sheet) = sheet::workspace::load_text("x", &bytes, chrono::NaiveDate::MIN);
        if let Some(s) = sheet {
            sentences.extend(s.texts().into_iter().map(str::to_string));
        }
    }
    sentences.retain(|s| s.chars().count() >= 8);
    sentences.sort();
    sentences.dedup();
    let short = sentences
        .iter()
        .filter(|s| s.chars().count() <= 40)
        .cloned()
        .collect();
    Pools { sentences, short }
}

fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn era(year: i32) -> String {
    sheet::core::fiscal::FiscalYear::new(year)
        .map(|fy| fy.era_ja())
        .unwrap_or_else(|| format!("{year}年度"))
}

fn sheet_text(rng: &mut Lcg, p: &Pools, prefecture: &str, region: &str, year: i32) -> String {
    let mut t = String::with_capacity(4500);
    let spelling = FY_SPELLINGS[rng.below(FY_SPELLINGS.len())]
        .replace("{era}", &era(year))
        .replace("{year}", &year.to_string());
    let fy = if spelling.chars().all(|c| c.is_ascii_digit()) {
        spelling
    } else {
        q(&spelling)
    };
    let _ = writeln!(t, "#:schema ../sheet.schema.json\nformat = 1\n\n[sheet]");
    let _ = writeln!(t, "prefecture  = {}", q(prefecture));
    let _ = writeln!(t, "region      = {}", q(region));
    let _ = writeln!(t, "fiscal_year = {fy}");
    let _ = writeln!(
        t,
        "meeting     = \"第２回アドバイザー・実施自治体担当者 合同会議\""
    );
    let _ = writeln!(t, "as_of       = {year}-10-{:02}", 15 + rng.below(14));
    let _ = writeln!(t, "theme       = {}", q(rng.pick(&p.short)));
    let _ = writeln!(
        t,
        "summary     = {}",
        q(&format!(
            "{}{}",
            rng.pick(&p.sentences),
            rng.pick(&p.sentences)
        ))
    );
    for key in ["strengths", "concerns", "questions"] {
        let n = 2 + rng.below(3);
        let items: Vec<String> = (0..n).map(|_| q(rng.pick(&p.sentences))).collect();
        let _ = writeln!(t, "{key} = [\n  {},\n]", items.join(",\n  "));
    }
    let indicators = 1 + rng.below(3);
    let names: Vec<String> = (0..indicators)
        .map(|i| {
            format!(
                "指標{}：{}",
                i + 1,
                &rng.pick(&p.short).chars().take(12).collect::<String>()
            )
        })
        .collect();
    for g in 0..(2 + rng.below(2)) {
        let _ = writeln!(t, "\n[[goals]]\ntext = {}", q(rng.pick(&p.sentences)));
        if g < names.len() {
            let _ = writeln!(t, "indicator = {}", q(&names[g]));
        }
        for _ in 0..(1 + rng.below(3)) {
            let month = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3][rng.below(12)];
            // Done before the sheet's as_of (October), under way in October, planned
            // after it; some months draw an `overdue` warning, as real sheets do.
            let status = match month {
                4..=9 => ["done", "実施", "planned"][rng.below(3)],
                10 => ["in_progress", "予定"][rng.below(2)],
                _ => ["planned", "予定"][rng.below(2)],
            };
            let date = match rng.below(3) {
                0 => format!("\"{month}/{}\"", 1 + rng.below(28)),
                1 => format!("\"{month}月\""),
                _ => format!("\"{month}月{}日\"", 1 + rng.below(28)),
            };
            let _ = writeln!(
                t,
                "\n  [[goals.progress]]\n  text = {}\n  date = {date}\n  status = \"{status}\"",
                q(rng.pick(&p.sentences))
            );
        }
    }
    for _ in 0..(1 + rng.below(2)) {
        let _ = writeln!(t, "\n[[challenges]]\ntext = {}", q(rng.pick(&p.short)));
        let actions: Vec<String> = (0..(1 + rng.below(3)))
            .map(|_| q(rng.pick(&p.sentences)))
            .collect();
        let _ = writeln!(
            t,
            "actions = [\n  {},\n]\n\n  [challenges.views]",
            actions.join(",\n  ")
        );
        for view in ["administration", "medical", "providers", "community"] {
            let value = if rng.below(4) == 0 {
                "\"\"".to_string()
            } else {
                q(rng.pick(&p.sentences))
            };
            let _ = writeln!(t, "  {view} = {value}");
        }
    }
    for name in &names {
        let baseline = rng.below(50);
        let current = baseline + rng.below(20);
        let target = match rng.below(4) {
            0 => "\"未定\"".to_string(),
            1 => format!("\"{}以上\"", baseline + 10),
            _ => (baseline + 5 + rng.below(30)).to_string(),
        };
        let _ = writeln!(
            t,
            "\n[[indicators]]\nname = {}\nreason = {}\nunit = \"人\"\nbaseline = {baseline}\ncurrent = {current}\ntarget = {target}",
            q(name),
            q(rng.pick(&p.short))
        );
    }
    for _ in 0..(1 + rng.below(2)) {
        let _ = writeln!(
            t,
            "\n[[hospital_collaboration]]\ntext = {}\ndate = \"{}/{}\"",
            q(rng.pick(&p.sentences)),
            4 + rng.below(6),
            1 + rng.below(28)
        );
    }
    t
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: gen-corpus DIR [PREFECTURES] [REGIONS] [YEARS]");
        std::process::exit(2);
    };
    let num =
        |i: usize, default: usize| args.get(i).and_then(|s| s.parse().ok()).unwrap_or(default);
    let (prefs, regions, years) = (num(1, 47), num(2, 10), num(3, 5));
    let p = pools(&Path::new(env!("CARGO_MANIFEST_DIR")).join("regions"));
    std::fs::create_dir_all(&dir).expect("create corpus folder");
    let mut rng = Lcg(20181102);
    let mut count = 0usize;
    let mut bytes = 0usize;
    for pi in 0..prefs {
        let prefecture = PREFECTURES[pi % PREFECTURES.len()];
        let prefecture = if pi < PREFECTURES.len() {
            prefecture.to_string()
        } else {
            format!("{prefecture}{}", pi / PREFECTURES.len())
        };
        for ri in 0..regions {
            let region = REGIONS
                .get(ri)
                .map_or_else(|| format!("第{}圏域", ri + 1), |r| r.to_string());
            for yi in 0..years {
                let year = 2018 + yi as i32;
                let text = sheet_text(&mut rng, &p, &prefecture, &region, year);
                let name = format!("p{pi:02}-r{ri:02}-{year}.toml");
                bytes += text.len();
                std::fs::write(dir.join(name), text).expect("write sheet");
                count += 1;
            }
        }
    }
    println!(
        "{count} sheets, {} KB on average, in {}",
        bytes / count.max(1) / 1024,
        dir.display()
    );
}
