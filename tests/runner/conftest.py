"""Short stories the runner tests code, written for the project, and a folder of them."""

import pytest

STORIES = (
    "Police in Lagos arrested three men on Monday over a bank robbery, the state governor said.",
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss fishing rights.",
    "Rebels attacked an army post near Goma on Wednesday, killing two soldiers, officials said.",
    "Thousands of teachers marched through Nairobi on Thursday to demand higher pay.",
    "The European Union imposed sanctions on five Belarusian officials on Friday.",
)


@pytest.fixture
def story_folder(tmp_path):
    """``story_folder(*extra)`` writes the stories (and any extra ones) one file each."""

    def write(*extra: str):
        folder = tmp_path / "in"
        folder.mkdir()
        for n, story in enumerate(STORIES + extra):
            (folder / f"{n}.txt").write_text(story + "\n")
        return folder

    write.count = len(STORIES)
    return write
