

# memplay's sample files (data/), made by memplay in Rust (memplay_model::SAMPLE_FILES)
# and put where the request says (`samples`: a folder and the files' names).


@contextlib.contextmanager
def _sandbox(request):
    """A fresh working directory for the run, holding memplay's sample files in data/ when
    the request brings them (memplay sends them when the snippet names that folder);
    removed afterwards with what the snippet wrote."""
    home, folder = os.getcwd(), tempfile.mkdtemp(prefix='memplay-')
    try:
        samples = request.get('samples')
        if samples:
            os.mkdir(os.path.join(folder, 'data'))
            for name in samples['files']:
                shutil.copyfile(os.path.join(samples['dir'], name), os.path.join(folder, 'data', name))
        os.chdir(folder)
        yield
    finally:
        os.chdir(home)
        shutil.rmtree(folder, ignore_errors=True)
