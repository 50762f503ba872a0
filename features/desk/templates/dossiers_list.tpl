{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk">← Bộ phận một cửa</a></p>
  <h1>{{TITLE}}</h1>
  {{#CAN_RECEIVE}}<p class="actions"><a class="button" href="/desk/intake">Tiếp nhận hồ sơ</a></p>{{/CAN_RECEIVE}}
  <nav aria-label="Nhóm hồ sơ"><ul class="tabs">{{#TAB}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/TAB}}</ul></nav>
  <form method="get" action="/desk/dossiers" class="filters" role="search" novalidate>
    <input type="hidden" name="view" value="{{VIEW}}">
    <div class="field{{#Q_INVALID}} field-invalid{{/Q_INVALID}}">
      <label for="q">Tìm hồ sơ</label>
      <p class="hint" id="q-hint">Mã hồ sơ, họ tên người nộp (có dấu hoặc không dấu) hoặc số điện thoại, ví dụ: nguyen van an hoặc 345678.</p>
      {{#Q_INVALID}}<p class="field-error" id="q-error"><span class="visually-hidden">Lỗi: </span>{{Q_ERROR}}</p>{{/Q_INVALID}}
      <input id="q" name="q" type="search" maxlength="100" value="{{Q}}" autocomplete="off" aria-describedby="q-hint{{#Q_INVALID}} q-error{{/Q_INVALID}}"{{#Q_INVALID}} aria-invalid="true"{{/Q_INVALID}}>
    </div>
    <details class="filters-more"{{#FILTERED}} open{{/FILTERED}}>
    <summary>Lọc theo trạng thái, thủ tục, đơn vị</summary>
    <div class="filter-row">
      <div class="field">
        <label for="state">Trạng thái</label>
        <select id="state" name="state"><option value="">Mọi trạng thái</option>{{#STATE}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/STATE}}</select>
      </div>
      <div class="field">
        <label for="procedure">Thủ tục</label>
        <select id="procedure" name="procedure"><option value="">Mọi thủ tục</option>{{#PROCEDURE}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/PROCEDURE}}</select>
      </div>
      <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
        <label for="unit">Đơn vị</label>
        {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
        <select id="unit" name="unit"{{#UNIT_INVALID}} aria-describedby="unit-error" aria-invalid="true"{{/UNIT_INVALID}}><option value="">Mọi đơn vị tôi phụ trách</option>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
      </div>
    </div>
    </details>
    <div class="actions">
      <button type="submit">Lọc danh sách</button>
      <a class="button secondary" href="/desk/dossiers?view={{VIEW}}">Bỏ lọc</a>
    </div>
  </form>
  {{#EMPTY}}<p id="no-dossiers">Không có hồ sơ nào phù hợp.</p>{{/EMPTY}}
  {{#NO_MORE}}<p id="no-dossiers">Không còn hồ sơ nào.</p>{{/NO_MORE}}
  {{#TABLE}}{{>DOSSIER_TABLE}}{{/TABLE}}
  {{#HAS_FIRST}}<p class="pager"><a href="{{FIRST}}">« Về trang đầu</a></p>{{/HAS_FIRST}}
  {{#HAS_NEXT}}<p class="pager"><a href="{{NEXT}}" id="next-page">Trang sau »</a></p>{{/HAS_NEXT}}
</section>
