# The handbook as a PDF book (src-docs/src/docs/asciidoc/handbook.adoc), for self-study.
#
# Loaded by the book execution of src-docs/pom.xml. Two things that Asciidoctor PDF's
# own converter does not do:
#
# * Answers at the back: every hint titled "... the reference answer" leaves its place
#   in the chapter (where a line says where to find it) for a section "Answers" at the
#   end of that chapter, so that reading on does not show the answer by accident. It
#   acts only on a document with the attribute answers-at-the-back (the book), and
#   leaves the HTML handbook, where hints are folded, alone.
# * A title page with the credits, the kit's address ({kit-url}) and the speaker
#   ({speaker}) under the title.
require 'asciidoctor/extensions'
require 'asciidoctor-pdf'

class AnswersAtTheBack < Asciidoctor::Extensions::Treeprocessor
  def process doc
    return unless doc.attr? 'answers-at-the-back'
    doc.sections.each do |chapter|
      answers = chapter.find_by(context: :example) {|block| (block.option? 'collapsible') && block.title? && (block.title.include? 'reference answer') }
      next if answers.empty?
      section = Asciidoctor::Section.new chapter, chapter.level + 1, false
      section.title = 'Answers'
      section.id = %(#{chapter.id}-answers)
      answers.each_with_index do |answer, index|
        id = %(#{chapter.id}-answer-#{index + 1})
        parent = answer.parent
        at = parent.blocks.index answer
        pointer = create_paragraph parent, %(_#{answer.title}_: at the end of this chapter, in <<#{id},Answers>>.), {}, subs: :default
        parent.blocks[at] = pointer
        answer.id = id
        answer.remove_attr 'collapsible-option'
        answer.parent = section
        section.blocks << answer
      end
      chapter.blocks << section
    end
    doc
  end
end

Asciidoctor::Extensions.register do
  treeprocessor AnswersAtTheBack
end

class BookPdfConverter < (Asciidoctor::Converter.for 'pdf')
  register_for 'pdf'

  # The title page: the theme's title and subtitle, then the credits and the address.
  def ink_title_page doc
    super
    return unless doc.attr? 'title-page-credits'
    move_down 36
    theme_font :title_page_authors do
      ink_prose (doc.attr 'title-page-credits'), align: :left, margin_bottom: 10, normalize: true
      ink_prose %(The kit: #{doc.attr 'kit-url'}), align: :left, margin_bottom: 10 if doc.attr? 'kit-url'
      ink_prose %(Presented by #{doc.attr 'speaker'}), align: :left, margin: 0 if doc.attr? 'speaker'
    end
  end
end
