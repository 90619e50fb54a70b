//! Writes memplay's sample files into a folder (`memplay-samples DIR`): the page's build puts
//! them beside the CPython driver, for the check's worker to give a snippet that reads them.

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: memplay-samples DIR");
        std::process::exit(2)
    });
    std::fs::create_dir_all(&dir)?;
    for (name, make) in memplay_model::SAMPLE_FILES {
        std::fs::write(std::path::Path::new(&dir).join(name), make())?;
    }
    Ok(())
}
