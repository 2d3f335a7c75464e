#!/usr/bin/env python3
"""Inputs for the legacy-format benchmark in docs/benchmarks/formats.md: 40 .doc, 40 .xls and
200 .msg in the current directory, from the fixture generators (needs soffice). Then time
catdoc/xls2csv and `inventa scan DIR -j 1` as described there."""
import importlib.util, os, shutil
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
spec = importlib.util.spec_from_file_location('m', os.path.join(ROOT, 'Tests/InventaExtractionTests/Fixtures/make-legacy-fixtures.py'))
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
pnrs = [l.split('\t')[0] for l in open('/work/shared/data/pnr-testdata/skatteverket_testpersonnummer.tsv').read().split('\n')[1:2001] if l]
paras = "".join(f"<text:p>Ärende {i}: Tolvan Testsson, personnummer {p[:8]}-{p[8:]}, nås på 070-174 06 {5 + i % 90:02d}. Beslut fattat enligt SoL 4 kap. 1 §, handläggare Hansson.</text:p>\n" for i, p in enumerate(pnrs))
fodt = m.FODT.replace("<text:p>Slut på utredningen.</text:p>", paras)
rows = "".join(m.row([f"Person {i}", f"{p[:8]}-{p[8:]}", f"070-174 06 {5 + i % 90:02d}", ("float", str(30000 + i), str(30000 + i))]) for i, p in enumerate(pnrs * 3))
fods = m.fods().replace("</table:table>\n<table:table table:name=\"Dold\"", rows + "</table:table>\n<table:table table:name=\"Dold\"", 1)
os.makedirs('src', exist_ok=True)
doc = m.convert(os.path.abspath('src'), 'big.fodt', fodt, 'doc')
xls = m.convert(os.path.abspath('src'), 'big.fods', fods, 'xls')
for kind, data in (('doc', doc), ('xls', xls)):
    os.makedirs(kind, exist_ok=True)
    for i in range(40):
        open(f'{kind}/f{i}.{kind}', 'wb').write(data)
os.makedirs('msg', exist_ok=True)
for i in range(200):
    shutil.copy(os.path.join(ROOT, 'Tests/InventaExtractionTests/Fixtures/msg/good/plain.msg'), f'msg/m{i}.msg')
for kind in ('doc', 'xls', 'msg'):
    for i, name in enumerate(sorted(os.listdir(kind))):
        with open(os.path.join(kind, name), 'ab') as f:
            f.write(b'%05d' % i)  # no two files identical
