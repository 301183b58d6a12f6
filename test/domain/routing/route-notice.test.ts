import { describe, expect, it } from 'vitest';
import { AUTO_ROUTE_SCORE, routeNotice, type RoutableUnit, type RoutingDirective, type RoutingNotice } from '../../../src/domain/routing/index.js';

/** A district office: four communes, four departments, two mass organisations, a school and four other bodies. */
const units: RoutableUnit[] = [
  { id: 'binhson', name: 'UBND xã Bình Sơn', aliases: [] },
  { id: 'tanlap', name: 'UBND xã Tân Lập', aliases: [] },
  { id: 'thuan', name: 'Đảng ủy xã Thuận', aliases: [] },
  { id: 'thitran', name: 'UBND thị trấn Triệu Sơn', aliases: [] },
  { id: 'tnmt', name: 'Phòng Tài nguyên và Môi trường', aliases: ['Phòng TN&MT'] },
  { id: 'ktht', name: 'Phòng Kinh tế - Hạ tầng', aliases: [] },
  { id: 'nn', name: 'Phòng Nông nghiệp và Phát triển nông thôn', aliases: [] },
  { id: 'vhtt', name: 'Phòng Văn hóa - Thông tin', aliases: [] },
  { id: 'mttq', name: 'Ủy ban MTTQ Việt Nam huyện', aliases: [] },
  { id: 'huyendoan', name: 'Huyện đoàn', aliases: [] },
  { id: 'thcs', name: 'Trường THCS Bình Sơn', aliases: [] },
  { id: 'vpntm', name: 'Văn phòng NTM huyện', aliases: [] },
  { id: 'vphu', name: 'Văn phòng Huyện ủy', aliases: [] },
  { id: 'ubndhuyen', name: 'UBND huyện Triệu Sơn', aliases: [] },
  { id: 'congan', name: 'Công an huyện', aliases: [] },
];
const communeIds = ['binhson', 'tanlap', 'thuan', 'thitran'];
const departmentIds = ['tnmt', 'ktht', 'nn', 'vhtt'];

function directive(lead: string[], support: string[] = [], extra: Partial<RoutingDirective> = {}): RoutingDirective {
  return { ordinal: '1', text: [...lead, ...support].join(', ') + ' thực hiện.', lead, support, leadSource: 'text', ...extra };
}

function notice(directives: RoutingDirective[], locality: string | null = null, addressee?: string[]): RoutingNotice {
  return { notice: { locality }, addressee, directives: directives.map((d, i) => ({ ...d, ordinal: String(i + 1) })) };
}

/** Routes one directive and returns its routing. */
function route(d: RoutingDirective, options: { locality?: string | null; addressee?: string[]; units?: RoutableUnit[] } = {}) {
  return routeNotice(notice([d], options.locality ?? null, options.addressee), options.units ?? units, [{ id: 'p-quoc', name: 'Lê Phú Quốc' }]).directives[0]!;
}

const ids = (routes: { unitId: string; role: string }[], role?: string) => routes.filter((r) => !role || r.role === role).map((r) => r.unitId);

describe('collectives', () => {
  it('sends "UBND các xã, thị trấn" to every registered commune, and records the expansion once for the preview', () => {
    const routing = routeNotice(notice([directive(['UBND các xã, thị trấn']), directive(['UBND các xã, thị trấn'])]), units);
    expect(ids(routing.directives[0]!.routes, 'lead')).toEqual(communeIds);
    expect(routing.directives[0]!.routes[0]).toMatchObject({ via: 'UBND các xã, thị trấn', score: 0.9 });
    expect(routing.expansions).toEqual([{ phrase: 'UBND các xã, thị trấn', unitIds: communeIds }]);
  });

  it.each([
    ['các phòng, ban, ngành cấp huyện', departmentIds],
    ['các sở, ban, ngành', departmentIds],
    ['MTTQ và các đoàn thể', ['mttq', 'huyendoan']],
    ['các trường', ['thcs']],
    ['các xã', communeIds],
  ])('sends "%s" to every registered unit of that kind', (phrase, expected) => {
    expect(ids(route(directive([phrase])).routes)).toEqual(expected);
  });

  it('counts a unit whose kind the secretary set among that kind', () => {
    const withOffice = [...units, { id: 'vpub', name: 'Văn phòng HĐND và UBND huyện', aliases: [], kind: 'department' as const }];
    expect(ids(route(directive(['các phòng, ban, ngành']), { units: withOffice }).routes)).toEqual([...departmentIds, 'vpub']);
  });

  it('keeps a unit named as lead out of the coordinating collective', () => {
    const routing = route(directive(['Phòng TN&MT'], ['các phòng, ban, ngành cấp huyện']));
    expect(ids(routing.routes, 'lead')).toEqual(['tnmt']);
    expect(ids(routing.routes, 'support')).toEqual(['ktht', 'nn', 'vhtt']);
  });

  it('never repeats a lead unit as coordinating when the notice names it twice', () => {
    const routing = route(directive(['Phòng KT-HT'], ['Phòng Kinh tế - Hạ tầng', 'Văn phòng Huyện ủy']));
    expect(routing.routes.map((r) => [r.unitId, r.role])).toEqual([['ktht', 'lead'], ['vphu', 'support']]);
  });

  it('flags a collective of a kind no unit is registered as, instead of dropping it', () => {
    const routing = route(directive(['các trường']), { units: units.filter((u) => u.id !== 'thcs') });
    expect(routing.routes).toEqual([]);
    expect(routing.flags).toMatchObject([{ kind: 'unmatched', phrase: 'các trường' }]);
  });
});

describe('collectives of places with several bodies', () => {
  const province: RoutableUnit[] = [
    { id: 'ubA', name: 'UBND huyện Lâm Xuyên', aliases: [] },
    { id: 'ubB', name: 'UBND huyện Bắc Mỹ', aliases: [] },
    { id: 'ubC', name: 'UBND thị xã An Sơn', aliases: [] },
    { id: 'huA', name: 'Huyện ủy Lâm Xuyên', aliases: [] },
    { id: 'caA', name: 'Công an huyện Lâm Xuyên', aliases: [] },
    { id: 'sxd', name: 'Sở Xây dựng', aliases: [] },
  ];
  const inProvince = (phrase: string) => route(directive([phrase]), { units: province });

  it('sends "UBND các huyện, thị xã" to each district\'s people\'s committee only', () => {
    expect(ids(inProvince('UBND các huyện, thị xã').routes)).toEqual(['ubA', 'ubB', 'ubC']);
  });

  it('sends "các huyện ủy, thị ủy" to the Party committee where a district has both, else to its one unit', () => {
    expect(ids(inProvince('các huyện ủy, thị ủy').routes)).toEqual(['ubB', 'ubC', 'huA']);
  });

  it('asks about "các huyện, thị xã" when a district has both committees registered', () => {
    const routing = inProvince('các huyện, thị xã');
    expect(routing.routes).toEqual([]);
    expect(routing.flags[0]!.kind).toBe('qualified-collective');
  });

  it('reads "huyện Lâm Xuyên" as the subject of a sentence as its people\'s committee, not its police', () => {
    expect(ids(inProvince('huyện Lâm Xuyên').routes)).toEqual(['ubA']);
  });

  it('picks the organ a commune collective names when a commune has both registered', () => {
    const both = [...units, { id: 'dubinhson', name: 'Đảng ủy xã Bình Sơn', aliases: [] }];
    expect(ids(route(directive(['UBND các xã, thị trấn']), { units: both }).routes)).toEqual(['binhson', 'tanlap', 'thuan', 'thitran']);
    expect(ids(route(directive(['Các đảng ủy xã, thị trấn']), { units: both }).routes)).toEqual(['tanlap', 'thuan', 'thitran', 'dubinhson']);
    expect(route(directive(['các xã']), { units: both }).flags[0]!.kind).toBe('qualified-collective');
  });
});

describe('collectives inside a commune', () => {
  /** A commune's own office: its bodies, registered without the commune's name. */
  const communeOffice: RoutableUnit[] = [
    { id: 'ubnd', name: 'UBND xã Phú Cường', aliases: ['UBND xã'], kind: 'commune' },
    { id: 'congan', name: 'Công an xã', aliases: [] },
    { id: 'bchqs', name: 'Ban Chỉ huy Quân sự xã', aliases: [] },
    { id: 'mttq', name: 'Ủy ban MTTQ xã Phú Cường', aliases: [] },
    { id: 'doan', name: 'Đoàn Thanh niên xã', aliases: [] },
    { id: 'hoind', name: 'Hội Nông dân xã', aliases: [] },
    { id: 'hoinddistrict', name: 'Hội Nông dân huyện', aliases: [] },
    { id: 'cbdong', name: 'Chi bộ thôn Đông', aliases: [] },
    { id: 'cbtay', name: 'Chi bộ thôn Tây', aliases: [] },
    { id: 'kp3', name: 'Khu phố 3', aliases: [] },
    { id: 'kp7', name: 'Khu phố 7', aliases: [] },
  ];
  const inCommune = (d: RoutingDirective) => route(d, { units: communeOffice, locality: 'xã Phú Cường' });

  it('sends "các đoàn thể xã" to the commune\'s own mass organisations, not the district\'s', () => {
    expect(ids(inCommune(directive(['các đoàn thể xã'])).routes)).toEqual(['mttq', 'doan', 'hoind']);
  });

  it('sends "các chi bộ thôn" to every unit named so, keeping each village apart', () => {
    expect(ids(inCommune(directive(['Các chi bộ thôn'])).routes)).toEqual(['cbdong', 'cbtay']);
    expect(ids(inCommune(directive(['Chi bộ thôn Đông'])).routes)).toEqual(['cbdong']);
  });

  it('asks about "các chi bộ" when the sentence goes on with a condition the parser took for a verb', () => {
    const routing = inCommune(directive(['Các chi bộ'], [], { text: 'Các chi bộ chưa hoàn thành thu, nộp đảng phí khẩn trương hoàn thành.' }));
    expect(routing.routes).toEqual([]);
    expect(routing.flags[0]!.kind).toBe('qualified-collective');
  });

  it('offers the units of a group with a condition as suggestions, those the directive names first', () => {
    const routing = inCommune(directive(['các khu phố có tỷ lệ thu gom rác thấp'], [], { text: 'Các khu phố có tỷ lệ thu gom rác thấp (nhất là Khu phố 7) tổ chức ra quân.' }));
    expect(routing.routes).toEqual([]);
    expect(routing.flags[0]).toMatchObject({ kind: 'qualified-collective', phrase: 'các khu phố có tỷ lệ thu gom rác thấp' });
    expect(routing.flags[0]!.suggestions.map((s) => s.unitId)).toEqual(['kp7', 'kp3']);
  });

  it('sends the commune\'s police and military command to their own units, never to its UBND', () => {
    expect(ids(inCommune(directive(['Công an xã Phú Cường'], ['Ban Chỉ huy Quân sự xã Phú Cường'])).routes)).toEqual(['congan', 'bchqs']);
    const unregistered = route(directive(['Công an xã Phú Cường']), { units: communeOffice.filter((u) => u.id !== 'congan'), locality: 'xã Phú Cường' });
    expect(unregistered.routes).toEqual([]);
  });

  it('does not ask again about a phrase whose unit a collective beside it already reached', () => {
    const routing = inCommune(directive(['Ủy ban MTTQ', 'các đoàn thể xã']));
    expect(ids(routing.routes)).toEqual(['mttq', 'doan', 'hoind']);
    expect(routing.flags).toEqual([]);
  });
});

describe('qualified collectives', () => {
  it('never expands "các xã có dự án đi qua", and suggests the communes the directive names first', () => {
    const routing = route(directive(['UBND các xã có dự án đi qua'], [], { text: 'UBND các xã có dự án đi qua (xã Tân Lập, xã Thuận) bàn giao mặt bằng.' }));
    expect(routing.routes).toEqual([]);
    expect(routing.flags).toHaveLength(1);
    expect(routing.flags[0]).toMatchObject({ kind: 'qualified-collective', phrase: 'UBND các xã có dự án đi qua' });
    expect(routing.flags[0]!.suggestions.map((s) => s.unitId)).toEqual(['tanlap', 'thuan', 'binhson']);
    expect(routing.flags[0]!.message).toContain('cần chọn các đơn vị cụ thể');
  });

  it('flags "các đơn vị liên quan" with only the units the directive names as suggestions', () => {
    const routing = route(directive(['Phòng TN&MT'], ['các đơn vị liên quan'], { text: 'Giao Phòng TN&MT chủ trì, phối hợp các đơn vị liên quan và Công an huyện giải tỏa.' }));
    expect(ids(routing.routes)).toEqual(['tnmt']);
    expect(routing.flags).toMatchObject([{ kind: 'qualified-collective', phrase: 'các đơn vị liên quan' }]);
    expect(routing.flags[0]!.suggestions.map((s) => s.unitId)).toEqual(['tnmt', 'congan']);
  });

  it('sends a collective that lists its members to those only, and asks about one with an exception', () => {
    const listed = route(directive(['UBND các xã'], [], { text: 'UBND các xã: Bình Sơn, Tân Lập và Hòa Bình hoàn thành giải phóng mặt bằng.' }));
    expect(ids(listed.routes)).toEqual(['binhson', 'tanlap']);
    expect(listed.flags).toMatchObject([{ kind: 'unmatched', phrase: 'xã Hòa Bình' }]);
    const departments = route(directive(['các phòng'], [], { text: 'Giao các phòng (Kinh tế - Hạ tầng, Tài nguyên và Môi trường) kiểm tra.' }));
    expect(ids(departments.routes)).toEqual(['ktht', 'tnmt']);
    const except = route(directive(['UBND các xã'], [], { text: 'UBND các xã (trừ xã Bình Sơn) rà soát hồ sơ.' }));
    expect(except.routes).toEqual([]);
    expect(except.flags[0]!.kind).toBe('qualified-collective');
  });

  it('flags "các xã chưa đạt chuẩn" rather than sending it to every commune', () => {
    expect(route(directive(['các xã chưa đạt chuẩn'])).flags[0]!.kind).toBe('qualified-collective');
  });
});

describe('places and levels', () => {
  it.each([
    'Đảng ủy xã Bình Sơn',
    'UBND xã Bình Sơn',
    'Ủy ban nhân dân xã Bình Sơn',
    'Ban chỉ đạo NTM xã Bình Sơn',
    'lãnh đạo xã Bình Sơn',
    'Chủ tịch UBND xã Bình Sơn',
    'Các đồng chí lãnh đạo xã Bình Sơn',
    'Các đồng chí Bí thư, Phó Bí thư, Chủ tịch UBND xã và Ban chấp hành Đảng bộ xã Bình Sơn',
    'Đảng uỷ xã Bình Sơn',
    'ĐẢNG ỦY XÃ BÌNH SƠN'.normalize('NFD'),
  ])('sends "%s" to xã Bình Sơn\'s unit', (phrase) => {
    const routing = route(directive([phrase]));
    expect(routing.routes).toMatchObject([{ unitId: 'binhson', role: 'lead' }]);
    expect(routing.routes[0]!.score).toBeGreaterThanOrEqual(AUTO_ROUTE_SCORE);
    expect(routing.flags).toEqual([]);
  });

  it('sends every organ of a commune to the one unit registered for it, whichever organ that is', () => {
    expect(ids(route(directive(['UBND xã Thuận'])).routes)).toEqual(['thuan']);
  });

  it('lets the organ decide when a commune has two units, and asks when the phrase does not say', () => {
    const two = [...units, { id: 'dubinhson', name: 'Đảng ủy xã Bình Sơn', aliases: [] }];
    expect(ids(route(directive(['Đảng ủy xã Bình Sơn']), { units: two }).routes)).toEqual(['dubinhson']);
    const unsure = route(directive(['lãnh đạo xã Bình Sơn']), { units: two });
    expect(unsure.routes).toEqual([]);
    expect(unsure.flags[0]).toMatchObject({ kind: 'ambiguous' });
    expect(unsure.flags[0]!.suggestions.map((s) => s.unitId).sort()).toEqual(['binhson', 'dubinhson']);
  });

  it.each(['UBND huyện', 'Huyện ủy', 'Ban chỉ đạo NTM huyện', 'Thường trực Huyện ủy'])('never sends the district body "%s" to a commune, nor suggests one', (phrase) => {
    const communesOnly = units.filter((u) => communeIds.includes(u.id));
    const routing = route(directive([phrase]), { units: communesOnly });
    expect(routing.routes).toEqual([]);
    expect(routing.flags[0]!.suggestions).toEqual([]);
  });

  it('never suggests a district body for an unregistered commune', () => {
    const routing = route(directive(['UBND xã Hòa Bình']));
    expect(routing.routes).toEqual([]);
    expect(routing.flags[0]!.kind).toBe('unmatched');
    for (const s of routing.flags[0]!.suggestions) expect(communeIds).toContain(s.unitId);
  });

  it('keeps every suggestion at the level of the phrase it is for', () => {
    const phrases = ['UBND huyện', 'Văn phòng UBND huyện', 'Ban Chỉ đạo NTM huyện', 'Trạm Y tế xã Bình Sơn', 'Hội Nông dân xã Tân Lập', 'UBND xã Hòa Bình', 'Phòng Y tế'];
    const routing = routeNotice(notice(phrases.map((p) => directive([p]))), units);
    for (const [i, d] of routing.directives.entries()) {
      const communeLevel = /xã/u.test(phrases[i]!);
      for (const s of d.flags.flatMap((f) => f.suggestions)) expect(communeIds.includes(s.unitId), `${phrases[i]} → ${s.unitId}`).toBe(communeLevel);
      expect(d.routes).toEqual([]);
    }
  });

  it('reads a bare "xã" or "của xã" as the commune the notice is about', () => {
    for (const phrase of ['xã', 'Xã', 'của xã', 'Ban chỉ đạo xây dựng NTM của xã', 'UBND xã']) {
      const routing = route(directive([phrase]), { locality: 'xã Bình Sơn' });
      expect(ids(routing.routes), phrase).toEqual(['binhson']);
      expect(routing.routes[0]!.reason).toContain('xã Bình Sơn');
    }
  });

  it('reads "địa phương" as the notice\'s place at its level, but never a bare "xã" as a district', () => {
    expect(ids(route(directive(['chính quyền địa phương']), { locality: 'xã Tân Lập' }).routes)).toEqual(['tanlap']);
    expect(ids(route(directive(['địa phương']), { locality: 'huyện Triệu Sơn' }).routes)).toEqual(['ubndhuyen']);
    const bare = route(directive(['của xã']), { locality: 'huyện Triệu Sơn' });
    expect(bare.routes).toEqual([]);
    expect(bare.flags[0]!.kind).toBe('unmatched');
  });

  it('suggests the communes a directive names when the notice is about no commune', () => {
    const routing = route(directive(['xã'], [], { text: 'Xã hoàn thành hồ sơ; xã Tân Lập gửi báo cáo.' }));
    expect(routing.flags[0]!.suggestions.map((s) => s.unitId)).toEqual(['tanlap']);
  });
});

describe('persons', () => {
  it('flags a known person as the one who follows the directive, with their id, and routes nothing to them', () => {
    const routing = route(directive(['đồng chí Lê Phú Quốc - HUV, Phó Chủ tịch UBND huyện']));
    expect(routing.routes).toEqual([]);
    expect(routing.persons).toEqual([{ name: 'Lê Phú Quốc', personId: 'p-quoc' }]);
    expect(routing.flags).toMatchObject([{ kind: 'person', phrase: 'Lê Phú Quốc', personId: 'p-quoc' }]);
  });

  it('flags an unknown person without dropping them', () => {
    const routing = route(directive(['Phòng TN&MT'], [], { persons: ['Nguyễn Văn An'] }));
    expect(ids(routing.routes)).toEqual(['tnmt']);
    expect(routing.persons).toEqual([{ name: 'Nguyễn Văn An', personId: null }]);
    expect(routing.flags[0]).toMatchObject({ kind: 'person', phrase: 'Nguyễn Văn An' });
    expect(routing.flags[0]!.personId).toBeUndefined();
    expect(routing.flags[0]!.message).toContain('chưa có trong danh sách');
  });

  it('matches a person whatever the spelling of the name\'s marks', () => {
    expect(route(directive([], [], { persons: ['LÊ PHÚ QUỐC'.normalize('NFD')] })).persons[0]!.personId).toBe('p-quoc');
  });
});

describe('groups of people', () => {
  it('lets the members of a committee act through the units named beside them', () => {
    const routing = route(directive(['Các ban, phòng, ngành cấp huyện', 'các đồng chí thành viên Ban chỉ đạo xây dựng NTM huyện']));
    expect(ids(routing.routes)).toEqual(departmentIds);
    expect(routing.flags).toEqual([]);
  });

  it('asks about them when no unit beside them is routed, never dropping them', () => {
    const routing = route(directive(['các thành viên Ban chỉ đạo NTM huyện']));
    expect(routing.routes).toEqual([]);
    expect(routing.flags).toMatchObject([{ kind: 'unmatched', phrase: 'các thành viên Ban chỉ đạo NTM huyện' }]);
    expect(routing.flags[0]!.suggestions.map((s) => s.unitId)).not.toContain('binhson');
  });
});

describe('directives with no lead', () => {
  const addressee = ['UBND huyện', 'các ban, phòng, ngành, MTTQ, đoàn thể cấp huyện', 'Đảng bộ xã Bình Sơn', 'Ban chỉ đạo xây dựng nông thôn mới xã Bình Sơn'];

  it('go to the commune of a working session with it, not to everyone the notice addresses', () => {
    const routing = routeNotice(notice([directive(addressee, [], { leadSource: 'addressee', text: 'Quan tâm sản xuất.' })], 'xã Bình Sơn', addressee), units);
    expect(routing.directives[0]!.routes).toMatchObject([{ unitId: 'binhson', role: 'lead' }]);
    expect(routing.directives[0]!.flags).toEqual([]);
    expect(routing.expansions).toEqual([]);
  });

  it('go to the commune when a person leads it, the person being flagged', () => {
    const routing = route(directive([], [], { persons: ['Lê Phú Quốc'], leadSource: 'addressee' }), { locality: 'xã Bình Sơn', addressee });
    expect(ids(routing.routes)).toEqual(['binhson']);
    expect(routing.flags.map((f) => f.kind)).toEqual(['person']);
  });

  it('are asked about, not spread over the departments, when the commune the notice is about has not joined', () => {
    const withoutBinhSon = units.filter((unit) => unit.id !== 'binhson');
    const routing = route(directive([], [], { leadSource: 'addressee' }), { locality: 'xã Bình Sơn', addressee, units: withoutBinhSon });
    expect(routing.routes).toEqual([]);
    expect(routing.flags.map((f) => f.kind)).toEqual(['no-lead']);
  });

  it('go to the addressee, collectives expanded, when the notice is about no registered commune', () => {
    const routing = route(directive([], [], { leadSource: 'none' }), { addressee: ['UBND các xã, thị trấn'] });
    expect(ids(routing.routes, 'lead')).toEqual(communeIds);
    expect(routing.routes[0]!.reason).toContain('đề nghị chung');
  });

  it('are flagged when the notice addresses nobody either', () => {
    const routing = route(directive([], [], { leadSource: 'none' }));
    expect(routing.routes).toEqual([]);
    expect(routing.flags).toMatchObject([{ kind: 'no-lead', message: 'Nhiệm vụ không nêu đơn vị chủ trì: cần giao đơn vị.' }]);
  });

  it('take the commune the parser gave them when the notice addresses nobody as a whole', () => {
    const routing = route(directive(['xã Bình Sơn'], [], { leadSource: 'addressee' }), { locality: 'xã Bình Sơn', addressee: [] });
    expect(ids(routing.routes)).toEqual(['binhson']);
  });

  it('stay with the person named to follow them when the notice addresses nobody as a whole', () => {
    const routing = route(directive(['xã Bình Sơn'], [], { leadSource: 'addressee', persons: ['Lê Phú Quốc'] }), { locality: 'xã Bình Sơn', addressee: [] });
    expect(routing.routes).toEqual([]);
    expect(routing.flags.map((f) => f.kind)).toEqual(['person']);
  });

  it('read the addressee from the directive when the notice does not list it', () => {
    const routing = route(directive(['Phòng KT-HT'], [], { leadSource: 'addressee' }));
    expect(ids(routing.routes)).toEqual(['ktht']);
  });
});

describe('matching by name', () => {
  it.each([
    ['Phòng NN&PTNT', 'nn'],
    ['Phòng VH-TT', 'vhtt'],
    ['Phòng Văn hóa và Thông tin huyện', 'vhtt'],
    ['CA huyện', 'congan'],
    ['VP NTM huyện', 'vpntm'],
    ['Văn phòng Huyện uỷ', 'vphu'],
    ['PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG'.normalize('NFD'), 'tnmt'],
  ])('routes "%s" without asking', (phrase, id) => {
    const routing = route(directive([phrase]));
    expect(ids(routing.routes)).toEqual([id]);
    expect(routing.routes[0]!.score).toBeGreaterThanOrEqual(AUTO_ROUTE_SCORE);
  });

  it('asks between two units equally close instead of picking one', () => {
    const two = [...units, { id: 'vhtthao', name: 'Phòng Văn hóa - Thể thao', aliases: [] }];
    const routing = route(directive(['Phòng Văn hóa']), { units: two });
    expect(routing.routes).toEqual([]);
    expect(routing.flags[0]).toMatchObject({ kind: 'ambiguous', phrase: 'Phòng Văn hóa' });
    expect(routing.flags[0]!.suggestions.slice(0, 2).map((s) => s.unitId).sort()).toEqual(['vhtt', 'vhtthao']);
  });

  it('asks, with at most three suggestions, when only generic words match', () => {
    const routing = route(directive(['Phòng Y tế']));
    expect(routing.routes).toEqual([]);
    expect(routing.flags[0]!.kind).toBe('unmatched');
    expect(routing.flags[0]!.suggestions.length).toBeGreaterThan(0);
    expect(routing.flags[0]!.suggestions.length).toBeLessThanOrEqual(3);
    expect(routing.flags[0]!.message).toMatch(/^Chủ trì "Phòng Y tế": chưa khớp đơn vị nào đã đăng ký\. Gợi ý: /u);
    expect(route(directive(['Văn phòng UBND huyện'])).routes).toEqual([]);
  });
});
